import { describe, expect, it } from 'vitest';
import { curlArguments } from './curl-arguments';
import { parseDuration } from './duration';
import { CliError, EXIT } from './exit-codes';
import { parseArgs, type ParsedCommand } from './parse-args';

const command = (argv: string[]) => parseArgs(argv) as ParsedCommand;
const usage = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    return error instanceof CliError ? error.exitCode : 'other';
  }
  return 'parsed';
};

describe('parseArgs', () => {
  it('takes --vault before or after the command, values inline or apart, repeated fields, and the command after --', () => {
    const parsed = command(['--vault', '/v', 'add', 'togai', '--name=Billing', '--field', 'a=1', '--field', 'b=@-']);
    expect(parsed).toMatchObject({ vault: '/v', positionals: ['togai'], options: { name: 'Billing', field: ['a=1', 'b=@-'] } });
    expect(command(['exec', 'Billing', '--vault', '/w', '--', 'env', '--vault', 'x'])).toMatchObject({ vault: '/w', rest: ['env', '--vault', 'x'] });
  });

  it('refuses what it does not know with the usage exit code', () => {
    for (const argv of [['nope'], ['token'], ['token', 'a', 'b'], ['token', 'a', '--format', 'xml'], ['list', '--bogus'], ['exec', 'a'], ['list', '--json=1'], ['--vault']]) {
      expect(usage(argv), argv.join(' ')).toBe(EXIT.usage);
    }
  });

  it('answers help for the overview and for each command', () => {
    expect(parseArgs([])).toEqual({ overview: true });
    expect(parseArgs(['--help'])).toEqual({ overview: true });
    expect(command(['token', '--help'])).toMatchObject({ help: true, command: { name: 'token' } });
    expect(command(['help', 'kube'])).toMatchObject({ help: true, command: { name: 'kube' } });
  });
});

describe('parseDuration', () => {
  it('reads seconds, minutes and hours', () => {
    expect([parseDuration('90', 'x'), parseDuration('90s', 'x'), parseDuration('5m', 'x'), parseDuration('1h', 'x')]).toEqual([90, 90, 300, 3600]);
    expect(() => parseDuration('1d', 'min-valid')).toThrow(/--min-valid takes a duration/);
  });
});

describe('curlArguments', () => {
  it('gives words a command substitution keeps whole', () => {
    expect(curlArguments('Authorization: Bearer abc.def')).toBe('--oauth2-bearer abc.def');
    expect(curlArguments('X-Shop-Access-Token: abc')).toBe('-HX-Shop-Access-Token:abc');
    expect(curlArguments('Authorization: Token abc')).toBe(`-H 'Authorization: Token abc'`);
  });
});
