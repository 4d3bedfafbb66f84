import type { CommandLine } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { debuggingSwitches, refuseDebuggingWhenPackaged } from './debugging-switches';

const EXE = '/opt/Keymint/keymint';

describe('debuggingSwitches', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect-brk'],
    ['--inspect-brk=0'],
    ['--inspect-port=9229'],
    ['--inspect-wait'],
    ['--inspect-brk-node'],
    ['--debug-port=9229'],
    ['-remote-debugging-port=9222'],
    ['--Remote-Debugging-Port=9222'],
  ])('finds %s', (arg) => {
    expect(debuggingSwitches([EXE, arg], 'linux')).toEqual([arg.split('=')[0]]);
  });

  it('reads Windows-style /switches on Windows only, where a path cannot start with /', () => {
    expect(debuggingSwitches([EXE, '/remote-debugging-port=9222'], 'win32')).toEqual(['/remote-debugging-port']);
    expect(debuggingSwitches([EXE, '/inspect'], 'linux')).toEqual([]);
  });

  it('leaves ordinary arguments, the executable and everything after -- alone', () => {
    expect(debuggingSwitches(['--inspect', '--no-sandbox-is-not-ours', 'inspect', '-', '--', '--inspect'], 'linux')).toEqual([]);
    expect(debuggingSwitches([EXE, '--enable-logging', '--lang=en', 'https://inspect.example'], 'linux')).toEqual([]);
  });
});

describe('refuseDebuggingWhenPackaged', () => {
  const appWith = (isPackaged: boolean, switches: string[] = []) => ({
    isPackaged,
    commandLine: { hasSwitch: vi.fn((name: string) => switches.includes(name)) } as unknown as CommandLine,
  });

  it('refuses a packaged app started with a debugging switch and says which', () => {
    const report = vi.fn();
    expect(refuseDebuggingWhenPackaged(appWith(true), [EXE, '--remote-debugging-port=9222', '--inspect'], report)).toBe(true);
    expect(report).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/--remote-debugging-port, --inspect\b.*API keys/));
  });

  it("also trusts Chromium's own parsing of the command line", () => {
    const report = vi.fn();
    expect(refuseDebuggingWhenPackaged(appWith(true, ['remote-debugging-pipe']), [EXE], report)).toBe(true);
    expect(report).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-pipe'));
  });

  it('lets a packaged app without debugging switches start', () => {
    const report = vi.fn();
    expect(refuseDebuggingWhenPackaged(appWith(true), [EXE, '--enable-logging'], report)).toBe(false);
    expect(report).not.toHaveBeenCalled();
  });

  it('leaves development runs alone: debugging an unpackaged app is how Keymint is built', () => {
    const report = vi.fn();
    expect(refuseDebuggingWhenPackaged(appWith(false, ['inspect']), [EXE, '--inspect'], report)).toBe(false);
    expect(report).not.toHaveBeenCalled();
  });
});
