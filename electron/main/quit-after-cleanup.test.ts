import { afterEach, expect, it, vi } from 'vitest';
import { quitAfterCleanup } from './quit-after-cleanup';

/** Just 'will-quit' and quit(): quit() emits 'will-quit' again, as Electron's does. */
function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const app = {
    exited: false,
    on: (_name: 'will-quit', next: typeof listener) => {
      listener = next;
      return app;
    },
    quit: vi.fn(() => app.quitNow()),
    /** The OS or the user asks to quit; returns whether the app went on to exit. */
    quitNow() {
      let prevented = false;
      listener?.({ preventDefault: () => void (prevented = true) });
      if (!prevented) app.exited = true;
      return !prevented;
    },
  };
  return app;
}

afterEach(() => vi.useRealTimers());

it('holds the quit until the clean-up has finished, then quits once', async () => {
  const app = fakeApp();
  let finish = () => {};
  const cleanUp = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  quitAfterCleanup(app as never, cleanUp);
  expect(app.quitNow()).toBe(false);
  expect(app.quitNow()).toBe(false);
  expect(cleanUp).toHaveBeenCalledTimes(1);
  finish();
  await vi.waitFor(() => expect(app.exited).toBe(true));
  expect(app.quit).toHaveBeenCalledTimes(1);
});

it('quits anyway when the clean-up fails or never settles', async () => {
  vi.useFakeTimers();
  const stuck = fakeApp();
  quitAfterCleanup(stuck as never, () => new Promise(() => {}), 2000);
  stuck.quitNow();
  await vi.advanceTimersByTimeAsync(1999);
  expect(stuck.exited).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(stuck.exited).toBe(true);

  const failing = fakeApp();
  quitAfterCleanup(failing as never, () => Promise.reject(new Error('no display')));
  failing.quitNow();
  await vi.advanceTimersByTimeAsync(0);
  expect(failing.exited).toBe(true);
});
