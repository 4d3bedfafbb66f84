/**
 * The core's public surface: what hosts, the IPC layer and platform adapters may use. Everything
 * else in electron/core is internal (ESLint refuses deep imports from outside; tests may reach in).
 */
export { createKeymintCore, type CoreChange, type CoreListener, type KeymintCore } from './keymint-core';
export type { ProvidersFacade, CreateProviderRequest } from './facades/providers-facade';
export type { CopiedCredential, Credential, TokenOutcome, TokensFacade } from './facades/tokens-facade';
export type { VaultFacade } from './facades/vault-facade';
export type { SettingsFacade } from './facades/settings-facade';
export type { TransferFacade } from './facades/transfer-facade';
export type { ProvidersChange } from './provider-changes';
export type { TokenAlert } from './tokens/token-alerts';
export type * from './ports';
export { AppError } from './app-error';
export { describeKeychain, isVaultError, KEYCHAIN_UNAVAILABLE, VaultError } from './vault';
/** AES-256-GCM, for keychain adapters that wrap with a key of their own. */
export { IV_BYTES, KEY_BYTES, TAG_BYTES, open, seal } from './vault/aead';
export { NEVER_STORED } from './http/token-http-client';
/** How the core reads a reply's body (capped), for hosts' tests and benchmarks of their FetchPort. */
export { readCappedBody } from './http/read-capped-body';
export { abortSignalOf } from './http/cancel-signal';
/** zod's parse without its copy when the value already is exactly what it returns: the router's output check. */
export { exactParse } from './exact-parse';
