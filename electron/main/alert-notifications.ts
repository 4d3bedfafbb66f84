import type { CoreChange, TokenAlert } from '../core';

export interface Notice {
  title: string;
  body: string;
}

/** Shows a native notification; `onClick` when the user clicks it. */
export type Notify = (notice: Notice, onClick: () => void) => void;

/** What the user reads: the provider's name and what happened; never a token, a key or a provider's words. */
export function noticeOf(alert: TokenAlert): Notice {
  return alert.kind === 'renewal-stopped'
    ? { title: `Renewal stopped: ${alert.providerName}`, body: 'Keymint gave up renewing this token. Open Keymint to see why.' }
    : { title: `Token expired: ${alert.providerName}`, body: 'No new token replaced it. Open Keymint to generate one.' };
}

/**
 * The core's alerts as native notifications while the setting is on. The core tells each
 * alert once (one per token), so nothing here counts or polls.
 */
export function alertNotifications(options: { enabled: () => boolean; notify: Notify; open: () => void }): (change: CoreChange) => void {
  return (change) => {
    if (change.kind !== 'alert' || !options.enabled()) return;
    options.notify(noticeOf(change.alert), options.open);
  };
}
