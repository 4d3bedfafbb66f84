import type { App } from 'electron';

/** Long enough for an asynchronous clipboard write; short enough that a stuck clipboard never keeps Keymint alive. */
export const CLEANUP_LIMIT_MS = 2000;

/**
 * Runs `cleanUp` when the app quits and lets the quit finish only once it has settled (or after
 * `limitMs`). Since Electron 44 the clipboard is asynchronous, and 'will-quit' does not wait for
 * a promise: without holding the quit, a copied token would outlive the app on the clipboard.
 */
export function quitAfterCleanup(app: Pick<App, 'on' | 'quit'>, cleanUp: () => Promise<void>, limitMs = CLEANUP_LIMIT_MS): void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
    void Promise.race([cleanUp().catch(() => undefined), limit]).then(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });
}
