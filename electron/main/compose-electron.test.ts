import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX } from '../../shared/ipc/contract';

/** The Electron side of the ports. The keychain is the e2e hook's key file, except where a test says otherwise. */
const electron = vi.hoisted(() => {
  return {
    net: { fetch: vi.fn() },
    clipboard: { write: vi.fn(async () => undefined), readText: vi.fn(async () => '') },
    ClipboardItem: class {},
    powerMonitor: {
      listeners: new Map<string, Set<() => void>>(),
      on(event: string, listener: () => void) {
        this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(listener));
      },
      off(event: string, listener: () => void) {
        this.listeners.get(event)?.delete(listener);
      },
      emit(event: string) {
        for (const listener of this.listeners.get(event) ?? []) listener();
      },
    },
  };
});
vi.mock('electron', () => electron);

import { keychainView } from '../core/vault/describe-keychain';
import { createOsKeyringKeychain } from '../platform/os-keyring-keychain';
import { composeElectron, type ElectronKeymint } from './compose-electron';

const SECRET = 'client-secret-that-must-stay-in-main';
const acme = {
  presetId: 'oauth2-client-credentials',
  name: 'Acme',
  baseUrl: 'https://auth.acme.example/oauth/token',
  values: { clientId: 'acme-client', clientSecret: SECRET, clientAuth: 'basic' },
};

describe('composeElectron', () => {
  let dataDir: string;
  let indexHtml: string;
  let traffic: string[];
  let keymint: ElectronKeymint;
  const ourPage = () => ({ url: pathToFileURL(indexHtml).href, isMainFrame: true });
  const open = () => {
    keymint = composeElectron({ dataDir, indexHtml, keychainFile: join(dataDir, 'keychain.key'), recordIpc: (json) => void traffic.push(json) });
    return keymint;
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'keymint-compose-'));
    indexHtml = join(dataDir, 'app/dist/renderer/index.html');
    traffic = [];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    keymint.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves our page in its main frame and forbids an iframe or any other page', async () => {
    const { router } = open();
    expect(await router(ourPage(), 'providers:list', undefined)).toEqual({ ok: true, value: [] });
    expect(await router({ ...ourPage(), isMainFrame: false }, 'providers:list', undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await router({ url: 'https://evil.example/', isMainFrame: true }, 'providers:list', undefined)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('offers the OS keyring as the keychain, as it finds it in this session (read only: nothing is set up)', async () => {
    keymint = composeElectron({ dataDir, indexHtml });
    expect(await keymint.router(ourPage(), 'vault:status', undefined)).toMatchObject({
      ok: true,
      value: { keychain: keychainView(createOsKeyringKeychain().status()) },
    });
  });

  it('uses a key-file keychain instead of the OS keyring when the e2e hook names one', async () => {
    const keychainFile = join(dataDir, 'keychain.key');
    keymint = composeElectron({ dataDir, indexHtml, keychainFile });
    expect(await keymint.router(ourPage(), 'vault:status', undefined)).toMatchObject({ ok: true, value: { keychain: { available: true } } });
    await keymint.router(ourPage(), 'providers:create', acme);
    expect(readFileSync(keychainFile)).toHaveLength(32);
  });

  it('keeps the vault key in the keychain, pushes events to the page, and no secret crosses IPC or reaches the file', async () => {
    const { router } = open();
    const contents = { isDestroyed: () => false, send: vi.fn() };
    keymint.sendEventsTo(contents as unknown as WebContents);

    const created = await router(ourPage(), 'providers:create', acme);
    expect(created).toMatchObject({ ok: true, value: { name: 'Acme', secretsSet: { clientSecret: true } } });
    expect(await router(ourPage(), 'vault:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'unlocked', slots: ['keychain'], keychain: { available: true } },
    });

    // Changes are pushed once the call that made them has answered.
    await new Promise(setImmediate);
    const sent = contents.send.mock.calls.map(([channel]) => channel as string);
    expect(sent).toContain(`${IPC_PREFIX}providers:changed`);
    expect(sent).toContain(`${IPC_PREFIX}vault:changed`);
    // The first save set the vault up too, so the whole list is stale; a later change names its provider alone.
    const lastChange = () => contents.send.mock.calls.findLast(([channel]) => channel === `${IPC_PREFIX}providers:changed`)?.[1];
    expect(lastChange()).toEqual({ kind: 'stale' });
    const { id } = (created as { value: { id: string } }).value;
    await router(ourPage(), 'providers:update', { id, name: 'Acme EU' });
    await new Promise(setImmediate);
    expect(lastChange()).toMatchObject({ kind: 'some', changed: [{ id, name: 'Acme EU' }], removed: [] });

    expect(traffic.length).toBeGreaterThan(contents.send.mock.calls.length);
    expect(traffic.join('\n')).not.toContain(SECRET);
    expect(readFileSync(join(dataDir, 'keymint.json'), 'utf8')).not.toContain(SECRET);
  });

  it('reopens with the keychain after a restart, without asking for anything', async () => {
    await open().router(ourPage(), 'providers:create', acme);
    keymint.dispose();
    const restarted = open();
    await restarted.start();
    expect(await restarted.router(ourPage(), 'vault:status', undefined)).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('locks the vault when the screen locks or the machine suspends, unless the owner turned that off', async () => {
    const { router } = open();
    await router(ourPage(), 'providers:create', acme);
    electron.powerMonitor.emit('lock-screen');
    expect(await router(ourPage(), 'vault:status', undefined)).toMatchObject({ ok: true, value: { state: 'locked', lockOnSleep: true } });
    await router(ourPage(), 'vault:unlock', { method: 'keychain' });
    await router(ourPage(), 'vault:set-lock-on-sleep', { enabled: false });
    electron.powerMonitor.emit('suspend');
    expect(await router(ourPage(), 'vault:status', undefined)).toMatchObject({ ok: true, value: { state: 'unlocked', lockOnSleep: false } });
    keymint.dispose();
    expect([...electron.powerMonitor.listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('sends nothing to a page that is gone', async () => {
    const { router } = open();
    const contents = { isDestroyed: () => true, send: vi.fn() };
    keymint.sendEventsTo(contents as unknown as WebContents);
    await router(ourPage(), 'providers:create', acme);
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('starts on an unreadable keymint.json, reports it, and leaves the file as it was', async () => {
    const file = join(dataDir, 'keymint.json');
    writeFileSync(file, '{"version": 1, "providers": [');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { router } = open();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'));
    expect(await router(ourPage(), 'vault:status', undefined)).toMatchObject({ ok: true, value: { state: 'unreadable' } });
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "providers": [');
  });
});
