import { useLayoutEffect, type RefObject } from 'react';

/**
 * True when nothing meaningful holds the focus: the control that had it was removed or disabled
 * (the browser then falls back to the page), or a dialog opened from the page gave it back there.
 * A keyboard user would have to Tab again from the top, so callers move it somewhere useful.
 */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/** The header's "Add provider" button: where focus goes when the first-run panel goes away. */
export const ADD_PROVIDER_BUTTON_ID = 'add-provider-button';

export function addProviderButton(): HTMLElement | null {
  return document.getElementById(ADD_PROVIDER_BUTTON_ID);
}

/** The board's one Tab stop among its rows (roving tabindex), when there are rows. */
export function activeProviderRow(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="listitem"][tabindex="0"]');
}

/**
 * A panel that goes away with the focus inside it (its form done: the vault set up, unlocked)
 * hands the focus on to `next()` instead of letting it fall to the page. Focus the user moved
 * elsewhere, e.g. into a dialog, is left alone.
 */
export function useHandFocusOnWhenRemoved(panelRef: RefObject<HTMLElement | null>, next: () => HTMLElement | null): void {
  useLayoutEffect(() => {
    const panel = panelRef.current;
    return () => {
      if (!panel?.contains(document.activeElement) && !focusLost()) return;
      // After the panel has left the page and whatever replaces it has rendered.
      requestAnimationFrame(() => {
        if (focusLost()) next()?.focus();
      });
    };
    // `next` is read once, when the panel goes: a new function each render must not re-run this.
  }, [panelRef]);
}
