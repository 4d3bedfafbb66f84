import { providerSettingsSchema, type ProviderView } from '../../../shared/ipc/provider-view';

export type ProviderSettings = ProviderView['settings'];
export type SettingKey = keyof typeof providerSettingsSchema.shape;

/** Every setting main takes, in the schema's order: a new one there shows up here. */
export const SETTING_KEYS = Object.keys(providerSettingsSchema.shape) as SettingKey[];

export const SETTING_LABELS: Record<SettingKey, string> = {
  timeoutSeconds: 'Timeout (seconds)',
  lifetimeSeconds: 'Token lifetime (seconds)',
};

/** The bounds main enforces, read from its schema so the two cannot drift apart. */
export function settingLimits(key: SettingKey): { min: number; max: number } {
  const number = providerSettingsSchema.shape[key].unwrap();
  return { min: number.minValue ?? 1, max: number.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** A message when the typed value is not a whole number within bounds; empty is fine (not set). */
export function checkSetting(key: SettingKey, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const { min, max } = settingLimits(key);
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    return `${SETTING_LABELS[key]} must be a whole number from ${min} to ${max.toLocaleString('en')}.`;
  }
  return undefined;
}

/** The settings as typed, by key ('' for not set). */
export function typedSettings(settings: ProviderSettings = {}): Record<SettingKey, string> {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, settings[key]?.toString() ?? ''])) as Record<SettingKey, string>;
}

/** The settings as main takes them: only those filled in (the form checked them first). */
export function formSettings(typed: Record<SettingKey, string>): ProviderSettings {
  const settings: ProviderSettings = {};
  for (const key of SETTING_KEYS) {
    const text = typed[key].trim();
    if (text !== '') settings[key] = Number(text);
  }
  return settings;
}
