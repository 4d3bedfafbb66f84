import { parseKeychainSlot, type KeychainSlot } from './keychain-slot';
import { parsePassphraseSlot, type PassphraseSlot } from './passphrase-slot';
import { VaultError } from './vault-error';

/**
 * What the caller persists: one wrapped copy of the data key per unlock
 * method. Everything in here is safe to store in a plain config file.
 */
export interface VaultSlots {
  readonly keychain?: KeychainSlot;
  readonly passphrase?: PassphraseSlot;
}

export type SlotKind = keyof VaultSlots;

export function slotKinds(slots: VaultSlots): SlotKind[] {
  const kinds: SlotKind[] = [];
  if (slots.keychain) kinds.push('keychain');
  if (slots.passphrase) kinds.push('passphrase');
  return kinds;
}

/**
 * Validates persisted slots of unknown origin. `undefined`/`null` means "never
 * set up"; anything else malformed throws VaultError 'corrupt' rather than being
 * treated as empty, which would invite a fresh setup over recoverable data.
 */
export function parseVaultSlots(value: unknown): VaultSlots | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new VaultError('corrupt', 'The stored vault slots are not an object.');
  }
  const raw = value as Record<string, unknown>;
  const slots: { keychain?: KeychainSlot; passphrase?: PassphraseSlot } = {};
  if (raw.keychain !== undefined) slots.keychain = parseKeychainSlot(raw.keychain);
  if (raw.passphrase !== undefined) slots.passphrase = parsePassphraseSlot(raw.passphrase);
  return slots;
}
