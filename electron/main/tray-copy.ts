import { AppError, type KeymintCore } from '../core';
import type { Notice } from './alert-notifications';

/**
 * The tray's Copy: the header through the core, straight to the clipboard (no token crosses to
 * any page). The outcome is said in a notification when the user allows them; a locked vault
 * brings the window forward to unlock it.
 */
export async function copyFromTray(
  core: Pick<KeymintCore, 'tokens' | 'providers' | 'redact'>,
  id: string,
  ui: { notify(notice: Notice): void; bringForward(): void },
): Promise<void> {
  let name = 'the provider';
  try {
    name = core.providers.get(id).name;
    const copied = await core.tokens.copy(id, 'header');
    const clears = copied.clearsInSeconds === null ? '' : ` It clears in ${copied.clearsInSeconds} s.`;
    ui.notify({ title: `Copied ${copied.label} header`, body: `${name}'s header is on the clipboard.${clears}` });
  } catch (error) {
    const known = error instanceof AppError;
    if (known && (error.code === 'locked' || error.code === 'setup-required')) ui.bringForward();
    // AppError messages are written for the user; scrubbed like every message leaving the core.
    const message = known ? core.redact(error.message) : 'Something went wrong while copying.';
    ui.notify({ title: `Nothing copied: ${name}`, body: message.replace(/^Nothing copied: /, '') });
  }
}
