/**
 * The id of the unlock banner's explanation. Controls that wait for the vault point at it with
 * aria-describedby; it is rendered (once) only while the vault is locked.
 */
export const LOCKED_HINT_ID = 'vault-locked-hint';

/** Props for a control that needs the unlocked vault: disabled, with the reason, while locked. */
export function lockedControlProps(locked: boolean) {
  return locked ? { disabled: true, 'aria-describedby': LOCKED_HINT_ID, title: 'Unlock the vault first' } : {};
}
