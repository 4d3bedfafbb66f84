import { TokenError } from '../exchange-errors/token-error';
import type { FetchReply } from '../ports';

export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Reads a reply body, giving up (and cancelling the stream) past `maxBytes`. */
export async function readCappedBody(response: FetchReply, maxBytes = MAX_RESPONSE_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

function tooLarge(maxBytes: number): TokenError {
  return new TokenError('too-large', `The provider's reply was larger than ${Math.round(maxBytes / 1024)} KiB; Keymint stopped reading it.`);
}
