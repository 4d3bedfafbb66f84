import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askOwnerOnTerminal } from './terminal-owner-question';

const QUESTION = { message: 'Remove the passphrase?', detail: 'Only the keychain will open the vault.', confirmLabel: 'Remove' };

function terminal(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let shown = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (shown += chunk));
  const warnings: string[] = [];
  return { input, output, shown: () => shown, warnings, log: { warn: (message: string) => void warnings.push(message) } };
}

describe('owner questions on the terminal', () => {
  it('are refused where there is no terminal, and the log says why', async () => {
    const t = terminal(false);
    expect(await askOwnerOnTerminal(t)(QUESTION)).toBe(false);
    expect(t.warnings).toEqual([expect.stringContaining('there is none (stdin is not a terminal)')]);
    expect(t.shown()).toBe('');
  });

  it('ask in the terminal and confirm only on "yes"', async () => {
    for (const [answer, confirmed] of [['yes', true], [' YES ', true], ['y', false], ['no', false], ['', false]] as const) {
      const t = terminal(true);
      const asked = askOwnerOnTerminal(t)(QUESTION);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(t.shown()).toContain('Keymint asks: Remove the passphrase?\nOnly the keychain will open the vault.\n');
      expect(t.shown()).toContain('Type "yes" to remove, anything else to cancel: ');
      t.input.write(`${answer}\n`);
      expect(await asked).toBe(confirmed);
    }
  });

  it('count no answer in time as Cancel', async () => {
    const t = terminal(true);
    expect(await askOwnerOnTerminal({ ...t, timeoutMs: 30 })(QUESTION)).toBe(false);
    expect(t.shown()).toContain('No answer: cancelled.');
  });

  it('ask one question at a time', async () => {
    const t = terminal(true);
    const ask = askOwnerOnTerminal(t);
    const first = ask(QUESTION);
    const second = ask({ ...QUESTION, message: 'Add a passphrase?' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(t.shown()).not.toContain('Add a passphrase?');
    t.input.write('yes\n');
    expect(await first).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(t.shown()).toContain('Add a passphrase?');
    t.input.write('no\n');
    expect(await second).toBe(false);
  });
});
