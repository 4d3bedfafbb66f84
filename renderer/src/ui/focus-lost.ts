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
