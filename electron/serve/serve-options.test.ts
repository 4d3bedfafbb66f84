import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronUserDataDir, PRODUCT_NAME } from './data-dir';
import { activeHooks, parseServeArgs } from './serve-options';

const base = { env: {}, platform: 'linux' as const, home: '/home/ada' };
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseServeArgs({ ...base, argv, env });

describe('serve options', () => {
  it('default to a free port on 127.0.0.1, opening the browser, on the desktop app’s data folder', () => {
    expect(parse([])).toEqual({
      kind: 'serve',
      options: { host: '127.0.0.1', port: 0, open: true, dataDir: '/home/ada/.config/Keymint', saveDir: '/home/ada/Downloads', test: {} },
    });
  });

  it('take --port, --no-open, --data-dir and a loopback --host', () => {
    const parsed = parse(['--port', '8123', '--no-open', '--data-dir=/tmp/vault', '--host', '127.0.0.5']);
    expect(parsed).toMatchObject({ kind: 'serve', options: { port: 8123, open: false, dataDir: '/tmp/vault', host: '127.0.0.5' } });
    expect(parse(['--host', '::1'])).toMatchObject({ options: { host: '::1' } });
    expect(parse(['--host', 'localhost'])).toMatchObject({ options: { host: '127.0.0.1' } });
  });

  it('refuse any address that is not loopback, and say why', () => {
    for (const host of ['0.0.0.0', '::', '192.168.0.10', 'keymint.example', '128.0.0.1']) {
      const parsed = parse(['--host', host]);
      expect(parsed.kind).toBe('error');
      expect(parsed).toMatchObject({ message: expect.stringContaining('refusing to listen on') });
    }
  });

  it('refuse bad ports and unknown options', () => {
    for (const argv of [['--port'], ['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--bind', 'x']]) expect(parse(argv).kind).toBe('error');
    expect(parse(['--help']).kind).toBe('help');
  });

  it('read the data folder and the test hooks from the same variables as the desktop app', () => {
    const env = {
      KEYMINT_USER_DATA_DIR: '/tmp/e2e',
      KEYMINT_SAVE_DIR: '/tmp/e2e-saved',
      KEYMINT_KEYCHAIN_FILE: '/tmp/e2e/key',
      KEYMINT_OWNER_ANSWER: 'yes',
      KEYMINT_RECORD_IPC_FILE: '/tmp/ipc',
      KEYMINT_CLIPBOARD_FILE: '/tmp/clip',
    };
    const parsed = parse([], env);
    expect(parsed).toMatchObject({ options: { dataDir: '/tmp/e2e', saveDir: '/tmp/e2e-saved' } });
    if (parsed.kind !== 'serve') throw new Error('expected options');
    expect(parsed.options.test).toEqual({ saveDir: '/tmp/e2e-saved', keychainFile: '/tmp/e2e/key', ownerAnswer: true, recordIpcFile: '/tmp/ipc', clipboardFile: '/tmp/clip' });
    expect(activeHooks(parsed.options.test)).toEqual(Object.keys(env).slice(1));
    expect(parse(['--data-dir', '/x'], env)).toMatchObject({ options: { dataDir: '/x' } });
  });
});

describe("the desktop app's data folder", () => {
  it('is named after package.json’s productName, where Electron puts userData on each OS', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { productName: string };
    expect(PRODUCT_NAME).toBe(pkg.productName);
    expect(electronUserDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Keymint');
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe('/cfg/Keymint');
    expect(electronUserDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Keymint');
    expect(electronUserDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(join('C:\\Users\\ada\\AppData\\Roaming', 'Keymint'));
  });
});
