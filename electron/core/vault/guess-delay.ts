import { isVaultError } from './vault-error';

/** The longest wait between passphrase attempts: slow for a guesser, bearable for a typo-prone owner. */
export const MAX_GUESS_DELAY_MS = 30_000;

/** No wait before a first attempt; after n wrong passphrases in a row, 2^(n-1) s, capped. */
export function guessDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_GUESS_DELAY_MS, 1000 * 2 ** (failures - 1));
}

/**
 * Escalating delay before each passphrase check after a wrong one, so a page (or script) that
 * tries passphrases one after another gets a handful per minute, not thousands. The vault runs
 * checks one at a time, so parallel attempts queue behind the same wait. A right passphrase
 * resets the count.
 */
export class GuessDelay {
  private failures = 0;
  private lastFailureAt = 0;

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  async attempt<T>(check: () => Promise<T>): Promise<T> {
    const wait = this.lastFailureAt + guessDelayMs(this.failures) - this.now();
    if (this.failures > 0 && wait > 0) await this.sleep(wait);
    try {
      const result = await check();
      this.failures = 0;
      return result;
    } catch (error) {
      if (isVaultError(error, 'wrong-passphrase')) {
        this.failures += 1;
        this.lastFailureAt = this.now();
      }
      throw error;
    }
  }
}
