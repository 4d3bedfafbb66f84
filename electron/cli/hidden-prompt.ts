import { CliError, EXIT } from './exit-codes';

export interface PromptStreams {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Asks on the terminal without echoing what is typed (a passphrase, a secret field). Only when
 * stdin is a terminal; the question goes to stderr so stdout stays the command's output.
 * Ctrl+C ends the command with 130, as the shell would.
 */
export function promptHidden({ stdin, stderr }: PromptStreams, question: string): Promise<string> {
  if (!stdin.isTTY) return Promise.reject(new CliError(EXIT.locked, `${question.replace(/:\s*$/, '')} is needed, and stdin is not a terminal to ask on.`));
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (result: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      result();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed));
        if (char === '\u0003') return done(() => reject(new CliError(EXIT.interrupted, 'Cancelled.')));
        if (char === '\u0004' && typed === '') return done(() => reject(new CliError(EXIT.locked, 'Nothing was typed.')));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
