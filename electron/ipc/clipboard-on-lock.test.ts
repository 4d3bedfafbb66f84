import { expect, it, vi } from 'vitest';
import { startTogaiEmulator } from '../../e2e/emulators';
import type { Clock } from '../core/ports';
import { closeAfterEach } from '../test-support/node-ports';
import { harnessesDisposedAfterEach, type Harness } from '../test-support/keymint-harness';

const API_KEY = 'togai-clipboard-key-5e2a71';
const started = closeAfterEach();
const harness = harnessesDisposedAfterEach();

/** A passphrase vault with one Togai provider whose header has just been copied. */
async function copiedHeader(clock?: Clock): Promise<Harness> {
  const togai = await started(startTogaiEmulator({ apiKey: API_KEY }));
  const app = harness({ clock });
  await app.value('vault:setup', { method: 'passphrase', passphrase: 'first passphrase' });
  const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: togai.url, values: { apiKey: API_KEY } });
  await app.value('tokens:copy', { id });
  expect(app.clipboard.text).toBe(`Authorization: Bearer ${togai.issued.at(-1)?.token}`);
  return app;
}

it('locking the vault clears a copied header from the clipboard', async () => {
  const app = await copiedHeader();
  await app.value('vault:lock');
  // The clipboard is asynchronous: the lock starts the clear, which lands just after.
  await vi.waitFor(() => expect(app.clipboard.text).toBe(''));
});

it('locking leaves alone what the user copied since', async () => {
  const app = await copiedHeader();
  app.clipboard.text = 'git status';
  await app.value('vault:lock');
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(app.clipboard.text).toBe('git status');
});

it('the auto-lock clears it too', async () => {
  let now = Date.now();
  const app = await copiedHeader({ now: () => now });
  await app.value('vault:set-auto-lock', { minutes: 1 });
  now += 2 * 60_000;
  expect(await app.call('tokens:copy', { id: 'any' })).toMatchObject({ ok: false, code: 'locked' });
  await vi.waitFor(() => expect(app.clipboard.text).toBe(''));
});

it('quitting (dispose) clears it', async () => {
  const app = await copiedHeader();
  // The host waits for this before exiting (quitAfterCleanup).
  await app.keymint.dispose();
  expect(app.clipboard.text).toBe('');
});
