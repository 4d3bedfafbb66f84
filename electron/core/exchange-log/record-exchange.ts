import type { ExchangeView } from '../../../shared/ipc/details-view';
import { AppError } from '../app-error';
import { TokenError } from '../exchange-errors/token-error';
import type { TokenHttpReply, TokenHttpRequest } from '../http/token-http-client';
import type { SecretRegistry } from '../redaction/secret-registry';
import { looksBinary, safeText } from './hostile-text';
import { redactJson, redactText } from './redact-structure';
import { redactRequest } from './redact-request';
import { isoInstant } from '../iso-instant';

/** A reply is shown up to this many characters: a token reply is well under one. */
export const MAX_REPLY_CHARS = 4096;
/** Replies up to this size are parsed and redacted field by field; longer ones as text. */
const MAX_STRUCTURED_CHARS = 64 * 1024;

/** One token request as the engine saw it: raw, held only while it is being recorded. */
export interface RawExchange {
  kind: ExchangeView['kind'];
  startedAt: number;
  endedAt: number;
  request: TokenHttpRequest;
  /** The header the recipe authenticates with (Authorization, or a custom one). */
  authHeader: string;
  reply?: TokenHttpReply;
  /** Set when the request failed, before or after a reply. */
  error?: unknown;
}

/**
 * The exchange as it may be kept and shown: redacted with `secrets` (which must already know
 * every secret of the request and every token of the reply), the reply capped and cleaned.
 * Runs on every token request, so it uses only literal matching (see SecretRegistry.redactLiterally).
 */
export function recordExchange(raw: RawExchange, secrets: SecretRegistry): ExchangeView {
  return {
    at: isoInstant(raw.startedAt),
    durationMs: Math.max(0, Math.round(raw.endedAt - raw.startedAt)),
    kind: raw.kind,
    status: raw.reply?.status ?? (raw.error instanceof TokenError ? (raw.error.details.status ?? null) : null),
    failure: raw.error === undefined ? null : failureKind(raw.error),
    request: redactRequest(raw.request, raw.authHeader, secrets),
    response: raw.reply ? redactReply(raw.reply, secrets) : null,
  };
}

function failureKind(error: unknown): string {
  if (error instanceof TokenError) return error.kind;
  if (error instanceof AppError) return error.code;
  return 'internal';
}

function redactReply(reply: TokenHttpReply, secrets: SecretRegistry): NonNullable<ExchangeView['response']> {
  const type = reply.headers.get('content-type');
  const contentType = type === null ? null : safeText(redactText(type, secrets), 200).text;
  if (looksBinary(reply.text)) {
    return { contentType, body: `[binary reply: ${reply.text.length} characters not shown]`, omittedChars: reply.text.length };
  }
  // Redacted whole before it is cut: a token across the cut would otherwise leave its first half.
  const shown = safeText(redactBody(reply.text, secrets), MAX_REPLY_CHARS);
  return { contentType, body: shown.text, omittedChars: shown.omittedChars };
}

function redactBody(text: string, secrets: SecretRegistry): string {
  if (text.length <= MAX_STRUCTURED_CHARS && /^\s*[[{]/.test(text)) {
    try {
      return JSON.stringify(redactJson(JSON.parse(text), secrets), null, 2);
    } catch {
      // Not JSON after all: redacted as text below.
    }
  }
  return redactText(text, secrets);
}
