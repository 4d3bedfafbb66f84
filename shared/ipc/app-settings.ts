import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Long enough to paste into a terminal or an API client; short enough not to linger in clipboard history. */
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 60;
/** An hour: beyond that "clear the clipboard" means nothing; 0 turns clearing off. */
export const MAX_CLIPBOARD_CLEAR_SECONDS = 3600;

/**
 * Keymint's own settings, kept in the vault's document beside auto-lock (so the app, a served
 * host and the CLI of one vault agree): readable while locked, so the lock screen has its theme.
 */
export const appSettingsSchema = z.object({
  /** `system` follows the OS (prefers-color-scheme). */
  theme: z.enum(THEMES),
  /** Seconds after a copy before Keymint empties the clipboard (if it still holds the copy); 0 = never. */
  clipboardClearSeconds: z.number().int().min(0).max(MAX_CLIPBOARD_CLEAR_SECONDS),
  /** Native notifications when a renewal stopped for good or a token expired without a new one (the desktop app). */
  notifications: z.boolean(),
  /** Ctrl/Cmd+Shift+K anywhere brings Keymint forward with the quick-copy palette open (the desktop app). */
  globalShortcut: z.boolean(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const DEFAULT_APP_SETTINGS: AppSettings = {
  theme: 'system',
  clipboardClearSeconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  // On: they fire only when a token the user relies on stopped being renewed.
  notifications: true,
  // Off: a system-wide key combination is taken from every other app (Ctrl+Shift+K is Firefox's console).
  globalShortcut: false,
};

/** What `settings:get` answers: the settings, and whether this host is the desktop app (notifications and the shortcut apply only there). */
export const appSettingsViewSchema = appSettingsSchema.extend({ desktop: z.boolean() });
export type AppSettingsView = z.infer<typeof appSettingsViewSchema>;

/** Only the settings being changed. */
export const appSettingsInputSchema = appSettingsSchema.partial();
export type AppSettingsInput = z.infer<typeof appSettingsInputSchema>;
