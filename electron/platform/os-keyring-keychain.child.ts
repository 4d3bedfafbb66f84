// Another Keymint process, for os-keyring-keychain.test.ts: it sees the OS keyring of the
// D-Bus session (or the lack of one) its environment gives it, as a second app instance would.
// Usage: node --import tsx os-keyring-keychain.child.ts <service> <account> <step>...
// Steps: status | encrypt:<hex> | decrypt:<hex> | decrypt-last | lock-collection | after-recheck.
// Prints one JSON array, one result per step; a refused step gives its error sentence.
import { spawnSync } from 'node:child_process';
import { KEYRING_RECHECK_MS, createOsKeyringKeychain } from './os-keyring-keychain';

const [service, account, ...steps] = process.argv.slice(2);
let clock = 0;
let lastBlob: Buffer = Buffer.alloc(0);
const keychain = createOsKeyringKeychain({ service, account, now: () => clock });

async function run(step: string): Promise<unknown> {
  const [name, hex = ''] = step.split(':');
  try {
    switch (name) {
      case 'status':
        return { status: keychain.status() };
      case 'encrypt':
        lastBlob = await keychain.encrypt(Buffer.from(hex, 'hex'));
        return { blob: lastBlob.toString('hex') };
      case 'decrypt':
        return { plain: (await keychain.decrypt(Buffer.from(hex, 'hex'))).toString('hex') };
      case 'decrypt-last':
        return { plain: (await keychain.decrypt(lastBlob)).toString('hex') };
      case 'lock-collection':
        return { locked: lockDefaultCollection() };
      case 'after-recheck':
        clock += KEYRING_RECHECK_MS;
        return { status: keychain.status() };
      default:
        throw new Error(`unknown step ${step}`);
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Locks the Secret Service's login collection, as the desktop does after a timeout. */
function lockDefaultCollection(): boolean {
  const result = spawnSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ]);
  return result.status === 0;
}

const results: unknown[] = [];
for (const step of steps) results.push(await run(step));
process.stdout.write(JSON.stringify(results));
