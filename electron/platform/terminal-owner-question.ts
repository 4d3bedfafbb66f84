import { createInterface } from 'node:readline/promises';
import type { AskOwner, Logger } from '../core';

export interface TerminalQuestionOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  log: Logger;
  /** How long a question waits for an answer before it counts as Cancel. */
  timeoutMs?: number;
}

const TWO_MINUTES = 2 * 60_000;

/**
 * The served host's stand-in for the app's native dialog: the question is asked in the terminal
 * where Keymint runs, which the page cannot type into. Only "yes" confirms; anything else, no
 * answer within the time, or no terminal at all (stdin is not a TTY) is Cancel. Questions are
 * asked one at a time.
 */
export function askOwnerOnTerminal(options: TerminalQuestionOptions): AskOwner {
  const timeoutMs = options.timeoutMs ?? TWO_MINUTES;
  let queue: Promise<unknown> = Promise.resolve();
  return (question) => {
    if (!options.input.isTTY) {
      options.log.warn(`"${question.message}" was refused: it must be confirmed in the terminal where Keymint runs, and there is none (stdin is not a terminal).`);
      return Promise.resolve(false);
    }
    const asked = queue.then(async () => {
      const terminal = createInterface({ input: options.input, output: options.output, terminal: true });
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        options.output.write(`\nKeymint asks: ${question.message}\n${question.detail}\n`);
        const answer = await terminal.question(`Type "yes" to ${question.confirmLabel.toLowerCase()}, anything else to cancel: `, { signal: timeout });
        const confirmed = answer.trim().toLowerCase() === 'yes';
        options.output.write(confirmed ? 'Confirmed.\n' : 'Cancelled.\n');
        return confirmed;
      } catch {
        options.output.write('\nNo answer: cancelled.\n');
        return false;
      } finally {
        terminal.close();
      }
    });
    queue = asked.catch(() => undefined);
    return asked;
  };
}
