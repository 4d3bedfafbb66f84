/** Public surface of the vault. Electron-free: imports only node:* modules. */
export { createEnvelopeCipher, type EnvelopeCipher } from './envelope-cipher';
export { fieldPlace, tokenPlace } from './places';
export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';
export {
  SCRYPT_N,
  SCRYPT_R,
  SCRYPT_P,
  wrapWithPassphrase,
  unwrapWithPassphrase,
  parsePassphraseSlot,
  type PassphraseSlot,
  type PassphraseSlotOptions,
  type ScryptParams,
} from './passphrase-slot';
export {
  wrapWithKeychain,
  unwrapWithKeychain,
  parseKeychainSlot,
  type Keychain,
  type KeychainSlot,
  type KeychainStatus,
} from './keychain-slot';
export { describeKeychain, KEYCHAIN_UNAVAILABLE } from './describe-keychain';
export { parseVaultSlots, slotKinds, type SlotKind, type VaultSlots } from './vault-slots';
export { Vault, type SetupRequest, type VaultListener, type VaultOptions, type VaultSnapshot, type VaultState } from './vault';
