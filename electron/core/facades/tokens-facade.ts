import type { CredentialTest, ProviderDetails, RecipeTrial, RecipeTrialInput } from '../../../shared/ipc/details-view';
import type { CredentialFormat } from '../../../shared/tokens/credential-format';
import type { SessionHolder } from '../session-holder';
import { readAppSettings } from '../settings/stored-app-settings';
import type { CopiedCredential, Credential, TokenOutcome } from '../tokens/token-service';

export type { CopiedCredential, Credential, TokenOutcome };

export interface TokensFacade {
  /**
   * Requests a token now and says how it went: the new status, or the provider's error in
   * words (a failure never replaces a token that is still valid). Throws only when it cannot
   * start: a locked vault, an unknown provider.
   */
  obtain(id: string): Promise<TokenOutcome>;
  /**
   * CORE ONLY, never on IPC: the credential in `format` for a host that is not a web page (the
   * CLI, a clipboard), from the held token while it stays valid for `minValidSeconds`, else a new one.
   */
  credential(id: string, format: CredentialFormat, options?: { minValidSeconds?: number }): Promise<Credential>;
  /** Writes the credential to the system clipboard (cleared again after a while); says what was copied. */
  copy(id: string, format?: CredentialFormat): Promise<CopiedCredential & { clearsInSeconds: number | null }>;
  /** The held token described (masked preview, JWT header and claims), renewal outcomes and the last exchanges, redacted. */
  details(id: string): Promise<ProviderDetails>;
  /** One full authentication, reported; a failure keeps a valid held token, a success stores the new one. */
  test(id: string): Promise<CredentialTest>;
  /** Runs an unsaved recipe once with the form's values; stores nothing. */
  tryRecipe(input: RecipeTrialInput): Promise<RecipeTrial>;
}

export function tokensFacade(holder: SessionHolder): TokensFacade {
  return {
    obtain: async (id) => (await holder.ready()).tokens.generate(id),
    credential: async (id, format, options) => (await holder.ready()).tokens.credential(id, format, (options?.minValidSeconds ?? 0) * 1000),
    copy: async (id, format) => {
      const session = await holder.ready();
      const copied = await session.tokens.copy(id, format);
      // The delay the clipboard guard read for this copy: the same setting, read just after.
      const seconds = readAppSettings(session.repository.current.settings).clipboardClearSeconds;
      return { ...copied, clearsInSeconds: seconds === 0 ? null : seconds };
    },
    details: async (id) => (await holder.ready()).tokens.details(id),
    test: async (id) => (await holder.ready()).tokens.test(id),
    tryRecipe: async (input) => (await holder.ready()).tokens.tryRecipe(input),
  };
}
