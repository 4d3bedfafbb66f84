import { useLayoutEffect } from 'react';
import type { Theme } from '../../../shared/ipc/app-settings';
import { useAppSettings } from './use-app-settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The palette to paint: the setting, or the OS's choice for System. */
export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

/**
 * Puts the Theme setting on <html> as data-theme (styles.css holds the palettes), before the
 * page paints; System follows the OS as it changes. Works alike in the app and the served host:
 * the setting lives in the vault's document, readable while locked.
 */
export function useTheme(): void {
  const theme = useAppSettings().data?.theme ?? 'system';
  useLayoutEffect(() => {
    const media = window.matchMedia?.(DARK_QUERY);
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(theme, media?.matches ?? false);
    };
    apply();
    if (theme !== 'system' || !media) return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
