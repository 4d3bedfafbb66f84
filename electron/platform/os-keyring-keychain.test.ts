import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type * as NapiKeyring from '@napi-rs/keyring';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeKeychain, KEYCHAIN_UNAVAILABLE, unwrapWithKeychain, wrapWithKeychain, type KeychainStatus } from '../core/vault';
import { expectVaultRejection } from '../test-support/vault-helpers';
import { createOsKeyringKeychain, keyringFailureReason } from './os-keyring-keychain';

const root = resolve(import.meta.dirname, '../..');
const childScript = join(import.meta.dirname, 'os-keyring-keychain.child.ts');
const run = promisify(execFile);
const sentence = (reason: string) => describeKeychain({ available: false, reason });

type StepResult = { status?: KeychainStatus; blob?: string; plain?: string; error?: string; locked?: boolean };

/** A group's title; when `why` says it cannot run here, that is printed and named in the title (never a silent skip). */
function announceSkip(group: string, why: string | undefined): string {
  if (!why) return group;
  console.warn(`[os-keyring-keychain.test] skipping "${group}": ${why}`);
  return `${group} (skipped: ${why})`;
}

/** Another Keymint process: the adapter in a child node, in the environment given. */
async function inChild(env: NodeJS.ProcessEnv, service: string, account: string, steps: string[]): Promise<StepResult[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', childScript, service, account, ...steps], { cwd: root, env });
  return JSON.parse(stdout) as StepResult[];
}

/** The environment without the session it names: no bus, no keyring daemon, no display for a prompt. */
function withoutSession(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const session = new Set(['DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL', 'DISPLAY', 'WAYLAND_DISPLAY']);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !session.has(name)));
}

describe('keyringFailureReason', () => {
  it('turns what the binding reports on each failure into the reason the UI explains', () => {
    const seen: Array<[string, string]> = [
      ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', KEYCHAIN_UNAVAILABLE.noDbusSession],
      ['Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory', KEYCHAIN_UNAVAILABLE.noDbusSession],
      ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', KEYCHAIN_UNAVAILABLE.noSecretService],
      ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", KEYCHAIN_UNAVAILABLE.keyringLocked],
      ['zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object', KEYCHAIN_UNAVAILABLE.keyringLocked],
      ["Couldn't access platform storage: Secret Service: no result found", KEYCHAIN_UNAVAILABLE.noDefaultCollection],
      ["Couldn't access platform storage: User canceled the operation.", KEYCHAIN_UNAVAILABLE.keyringDenied],
      ['Platform failure: Access is denied. (os error 5)', KEYCHAIN_UNAVAILABLE.keyringDenied],
      ['something new', KEYCHAIN_UNAVAILABLE.keyringFailed],
    ];
    for (const [message, reason] of seen) expect(keyringFailureReason(new Error(message)), message).toBe(reason);
  });

  it('has a sentence for every reason, each ending by asking for a passphrase', () => {
    for (const reason of Object.values(KEYCHAIN_UNAVAILABLE)) {
      expect(sentence(reason), reason).toMatch(/so Keymint asks for a passphrase instead\.$/);
      expect(sentence(reason), reason).not.toContain(reason);
    }
  });
});

describe('OS keyring keychain without its native binding', () => {
  it('is unavailable, saying why, and refuses to encrypt or decrypt', async () => {
    const keychain = createOsKeyringKeychain({
      service: 'Keymint-test-unloadable',
      loadBinding: () => {
        throw new Error('Cannot find native binding');
      },
    });
    expect(keychain.status()).toEqual({ available: false, reason: KEYCHAIN_UNAVAILABLE.bindingMissing });
    await expect(keychain.encrypt(Buffer.from('data key'))).rejects.toThrow(sentence(KEYCHAIN_UNAVAILABLE.bindingMissing));
    await expect(keychain.decrypt(Buffer.alloc(40, 1))).rejects.toThrow();
    await expectVaultRejection(wrapWithKeychain(randomBytes(32), keychain), 'keychain-unavailable');
  });
});

describe.skipIf(process.platform !== 'linux')(announceSkip('OS keyring keychain with no D-Bus session', process.platform === 'linux' ? undefined : 'D-Bus is the Linux route to the keyring'), () => {
  it('reports no-dbus-session when the session address points nowhere, and refuses to encrypt', async () => {
    const env = { ...withoutSession(process.env), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keymint-bus' };
    expect(await inChild(env, 'Keymint-test-nobus', 'key', ['status', 'encrypt:00ff'])).toEqual([
      { status: { available: false, reason: KEYCHAIN_UNAVAILABLE.noDbusSession } },
      { error: sentence(KEYCHAIN_UNAVAILABLE.noDbusSession) },
    ]);
  });

  it('reports no-dbus-session when there is no session address at all (never the kernel keyring instead)', async () => {
    expect(await inChild(withoutSession(process.env), 'Keymint-test-nobus', 'key', ['status'])).toEqual([
      { status: { available: false, reason: KEYCHAIN_UNAVAILABLE.noDbusSession } },
    ]);
  });
});

// Private D-Bus sessions, each with its own keyring daemon and data folder: a locked or missing
// keyring can be shown for real without touching the session the suite runs in. The bus config
// has no activatable services, so no unlock prompter can pop up on a developer's desktop.
const sessionTools = ['dbus-run-session', 'dbus-send', 'gnome-keyring-daemon'];
const missingTools = sessionTools.filter((tool) => !(process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, tool))));
const privateSessionSkip =
  process.platform !== 'linux' ? 'the Secret Service is Linux only' : missingTools.length ? `${missingTools.join(', ')} not installed (apt-get install dbus gnome-keyring)` : undefined;

const PRIVATE_SESSION = `
set -eu
if [ "$KEYRING" != none ]; then
  printf %s "$KEYRING_PASSWORD" | XDG_DATA_HOME="$KEYRING_DIR" XDG_RUNTIME_DIR="$KEYRING_DIR" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # --unlock returns before the daemon owns its bus name.
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q 'boolean true' && break
    sleep 0.05
  done
fi
exec "$@"
`;

async function inPrivateSession(keyring: 'none' | 'unlocked' | 'no-collection', steps: string[]): Promise<StepResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'keymint-bus-'));
  try {
    const config = join(dir, 'session.conf');
    writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir=${dir}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
    // gnome-keyring creates its login collection only for a non-empty password; an empty one leaves none.
    const env = { ...withoutSession(process.env), KEYRING: keyring, KEYRING_DIR: dir, KEYRING_PASSWORD: keyring === 'unlocked' ? 'keymint-test' : '' };
    const argv = [process.execPath, '--import', 'tsx', childScript, 'Keymint-test-private', 'key', ...steps];
    const { stdout } = await run('dbus-run-session', [`--config-file=${config}`, '--', 'bash', '-c', PRIVATE_SESSION, 'bash', ...argv], { cwd: root, env });
    return JSON.parse(stdout) as StepResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!!privateSessionSkip)(announceSkip('OS keyring keychain in a private D-Bus session', privateSessionSkip), () => {
  it('reports no-secret-service on a session bus where no keyring runs', async () => {
    expect(await inPrivateSession('none', ['status', 'encrypt:00ff'])).toEqual([
      { status: { available: false, reason: KEYCHAIN_UNAVAILABLE.noSecretService } },
      { error: sentence(KEYCHAIN_UNAVAILABLE.noSecretService) },
    ]);
  });

  it('reports no-default-collection when the keyring has no collection to create the key in', async () => {
    expect(await inPrivateSession('no-collection', ['status', 'encrypt:00ff', 'status'])).toEqual([
      { status: { available: true } },
      { error: sentence(KEYCHAIN_UNAVAILABLE.noDefaultCollection) },
      { status: { available: false, reason: KEYCHAIN_UNAVAILABLE.noDefaultCollection } },
    ]);
  });

  it('when the collection locks: stops offering the keychain once the key cannot be read, keeps it, looks again later', async () => {
    const results = await inPrivateSession('unlocked', [
      'status',
      'encrypt:00ff',
      'decrypt-last',
      'lock-collection',
      'status',
      'decrypt-last',
      'status',
      'encrypt:00ff',
      'after-recheck',
    ]);
    expect(results).toEqual([
      { status: { available: true } },
      { blob: expect.stringMatching(/^01[0-9a-f]+$/) },
      { plain: '00ff' },
      { locked: true },
      // The probe never reads the key, so it cannot see (or prompt for) the lock; using the key does.
      { status: { available: true } },
      { error: sentence(KEYCHAIN_UNAVAILABLE.keyringLocked) },
      { status: { available: false, reason: KEYCHAIN_UNAVAILABLE.keyringLocked } },
      { error: sentence(KEYCHAIN_UNAVAILABLE.keyringLocked) },
      { status: { available: true } },
    ]);
  });
});

// The real Secret Service of the session the suite runs in (.ci/run starts one), or the macOS
// Keychain / Windows Credential Manager. Entries go under a service name of this run's own and
// are removed after each test.
const service = `Keymint-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const realStatus = createOsKeyringKeychain({ service }).status();
const realSkip = realStatus.available
  ? undefined
  : `no usable OS keyring in this session (${realStatus.reason}: ${describeKeychain(realStatus)}); .ci/run runs the suite inside a D-Bus session with gnome-keyring unlocked`;

describe.skipIf(!!realSkip)(announceSkip('OS keyring keychain against the real keyring', realSkip), () => {
  const binding = () => createRequire(import.meta.url)('@napi-rs/keyring') as typeof NapiKeyring;
  const entry = (account: string): NapiKeyring.Entry => new (binding().Entry)(service, account, { linux: { store: 'secret-service' } });
  const used = new Set<string>();
  const account = (name: string) => (used.add(name), used.add(`${name}.probe`), name);
  const keychain = (name: string) => createOsKeyringKeychain({ service, account: account(name) });

  afterEach(() => {
    for (const name of used) entry(name).deleteCredential();
    for (const name of used) expect(entry(name).getSecret(), `${service}/${name} removed`).toBeNull();
    used.clear();
  });
  afterAll(() => expect(binding().findCredentials(service)).toEqual([]));

  it('round-trips through a 32-byte key it creates on the first encrypt, and not before', async () => {
    const subject = keychain('first-use');
    expect(subject.status()).toEqual({ available: true });
    expect(entry('first-use').getSecret(), 'no key after status()').toBeNull();
    expect(entry('first-use.probe').getSecret(), 'the probe writes nothing').toBeNull();

    const sealed = await subject.encrypt(Buffer.from('data key'));
    expect(entry('first-use').getSecret()).toHaveLength(32);
    expect(sealed.includes(Buffer.from('data key'))).toBe(false);
    expect((await subject.decrypt(sealed)).toString()).toBe('data key');
  });

  it('opens what another instance and another process encrypted, and they open its own', async () => {
    const sealed = await keychain('shared').encrypt(Buffer.from('data key'));
    expect((await keychain('shared').decrypt(sealed)).toString()).toBe('data key');

    const [status, opened, other] = await inChild(process.env, service, 'shared', [
      'status',
      `decrypt:${sealed.toString('hex')}`,
      `encrypt:${Buffer.from('from the child').toString('hex')}`,
    ]);
    expect(status).toEqual({ status: { available: true } });
    expect(Buffer.from(opened!.plain!, 'hex').toString()).toBe('data key');
    expect((await keychain('shared').decrypt(Buffer.from(other!.blob!, 'hex'))).toString()).toBe('from the child');
  });

  it('creates one key when first encrypts run at once', async () => {
    const subject = keychain('concurrent');
    const sealed = await Promise.all(['a', 'b', 'c'].map((text) => subject.encrypt(Buffer.from(text))));
    const reader = keychain('concurrent');
    expect(await Promise.all(sealed.map(async (blob) => (await reader.decrypt(blob)).toString()))).toEqual(['a', 'b', 'c']);
  });

  it('refuses a tampered or foreign blob and stays available', async () => {
    const subject = keychain('tamper');
    const sealed = await subject.encrypt(Buffer.from('data key'));
    for (const index of [0, 5, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index]! ^= 1;
      await expect(subject.decrypt(tampered), `byte ${index}`).rejects.toThrow();
    }
    await expect(subject.decrypt(await keychain('tamper-other').encrypt(Buffer.from('data key')))).rejects.toThrow(/does not open this data/);
    expect(subject.status()).toEqual({ available: true });
  });

  it('never replaces an entry that is not a key: the keychain is unavailable instead', async () => {
    entry(account('not-a-key')).setSecret(Buffer.from('someone else'));
    const subject = keychain('not-a-key');
    await expect(subject.encrypt(Buffer.from('data key'))).rejects.toThrow(sentence(KEYCHAIN_UNAVAILABLE.keyUnreadable));
    expect(subject.status()).toEqual({ available: false, reason: KEYCHAIN_UNAVAILABLE.keyUnreadable });
    expect(Buffer.from(entry('not-a-key').getSecret()!).toString()).toBe('someone else');
  });

  it('says the key is gone when its entry was removed, and makes a new one for the next encrypt', async () => {
    const subject = keychain('removed');
    const sealed = await subject.encrypt(Buffer.from('data key'));
    entry('removed').deleteCredential();
    await expect(subject.decrypt(sealed)).rejects.toThrow(/holds no Keymint key/);
    expect((await subject.decrypt(await subject.encrypt(Buffer.from('again')))).toString()).toBe('again');
  });

  it('wraps the vault data key in a keychain slot that a restarted Keymint unwraps', async () => {
    const dataKey = randomBytes(32);
    const slot = JSON.parse(JSON.stringify(await wrapWithKeychain(dataKey, keychain('vault')))) as Parameters<typeof unwrapWithKeychain>[0];
    expect(await unwrapWithKeychain(slot, keychain('vault'))).toEqual(dataKey);

    entry('vault').deleteCredential();
    await expectVaultRejection(unwrapWithKeychain(slot, keychain('vault')), 'decrypt-failed');
  });
});
