import { appSettingsSchema, DEFAULT_APP_SETTINGS, type AppSettings, type AppSettingsInput } from '../../../shared/ipc/app-settings';
import type { KeymintDocument } from '../store/keymint-document';

type StoredSettings = NonNullable<KeymintDocument['settings']>;

/**
 * The app settings as stored: each one read on its own, so a value this version does not accept
 * (a bound tightened since, a hand edit) falls back to its default without touching the others.
 */
export function readAppSettings(stored: StoredSettings | undefined): AppSettings {
  const settings = { ...DEFAULT_APP_SETTINGS };
  for (const key of Object.keys(appSettingsSchema.shape) as (keyof AppSettings)[]) {
    const parsed = appSettingsSchema.shape[key].safeParse(stored?.[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
  }
  return settings;
}

/** The stored settings with `changes` applied (auto-lock and lock-on-sleep kept as they are). */
export function withAppSettings(stored: StoredSettings | undefined, changes: AppSettingsInput): StoredSettings {
  const next: StoredSettings = { ...stored };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  return next;
}

/** How long a copy stays on the clipboard, in ms; null for never. */
export function clipboardClearMs(stored: StoredSettings | undefined): number | null {
  const seconds = readAppSettings(stored).clipboardClearSeconds;
  return seconds === 0 ? null : seconds * 1000;
}
