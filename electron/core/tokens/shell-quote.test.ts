import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { formatCredential, shellQuote } from '../../../shared/tokens/credential-format';

/** What a real POSIX shell makes of a command line. */
const sh = (command: string) => execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8' });

it('whatever the text, a real shell reads back exactly it from the quoted word', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !text.includes('\0')), (text) => {
      expect(sh(`printf %s ${shellQuote(text)}`)).toBe(text);
    }),
    { numRuns: 60 },
  );
});

it('an export line sets the variable to the token, and nothing else runs', () => {
  const line = formatCredential({ token: 'abc.def-ghi_~+/=', header: { name: 'Authorization', scheme: 'Bearer' }, providerName: "Bob's $(touch /tmp/x) API" }, 'export');
  expect(sh(`${line}; env | grep '_API_TOKEN='`)).toBe('BOB_S_TOUCH_TMP_X_API_TOKEN=abc.def-ghi_~+/=\n');
});
