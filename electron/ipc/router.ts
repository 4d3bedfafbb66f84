import type { z } from 'zod';
import { channels, type ChannelName, type ChannelOutput, type Channels } from '../../shared/ipc/contract';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/ipc-result';
import { describeIssues } from '../../shared/text/describe-issues';
import { AppError, exactParse, isVaultError, type Logger } from '../core';
import type { IpcSender } from './sender';

export type Handlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export interface RouterOptions {
  handlers: Handlers;
  isTrustedSender: (sender: IpcSender) => boolean;
  /** Scrubs every known secret and token from text leaving main. */
  redact: (text: string) => string;
  log: Logger;
}

export type IpcRouter = (sender: IpcSender, channel: string, input: unknown) => Promise<IpcResult<unknown>>;

const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({ ok: false, code, message });

/**
 * The one door into main: checks the sender, parses the input with the channel's schema,
 * runs the handler, and parses the output too (an output holding any field the contract does
 * not name gets zod's copy without it, so nothing extra can leak; one holding exactly what it
 * names is sent as it is, see exactParse). So a handler returns data made for the reply
 * (object literals, arrays, JSON values), never a getter, a Proxy, a built-in object (a Map, a
 * Date, an Error) given Object.prototype, or an object it changes later: structured clone and
 * JSON would send what the check did not see. Every handler builds its reply that way. Errors become `{ok:false, code, message}`, no stack.
 */
export function createRouter(options: RouterOptions): IpcRouter {
  return async (sender, channel, input) => {
    if (!options.isTrustedSender(sender)) return fail('forbidden', 'This window may not talk to Keymint.');
    if (!Object.hasOwn(channels, channel)) return fail('unknown-channel', `There is no channel "${channel}".`);
    const name = channel as ChannelName;
    const spec = channels[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return fail('invalid-input', options.redact(describeIssues(parsed.error.issues.slice(0, 5)).join('; ')));
    try {
      const handler = options.handlers[name] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      const output = exactParse(spec.output, value);
      if (!output.success) {
        options.log.warn(`ipc ${name}: handler output does not match the contract`);
        return fail('internal', 'Something went wrong inside Keymint.');
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, options.redact(error.message));
      if (isVaultError(error)) {
        const code = error.code === 'locked' || error.code === 'wrong-passphrase' ? error.code : 'vault';
        return fail(code, options.redact(error.message));
      }
      options.log.warn(`ipc ${name} failed: ${options.redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}`);
      return fail('internal', 'Something went wrong inside Keymint.');
    }
  };
}

