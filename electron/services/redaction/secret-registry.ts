import { encodedForms } from './encoded-forms';

/**
 * Every secret and token main has seen this session, so any text leaving main (an IPC error,
 * a log line) can be scrubbed of them, including their common encodings.
 */
export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (!value || value.length < 4) continue;
      for (const form of encodedForms(value)) {
        if (!this.secrets.has(form)) {
          this.secrets.add(form);
          this.pattern = undefined;
        }
      }
    }
  }

  /** Forgets everything, e.g. when the vault locks: main should hold no secret while locked. */
  clear(): void {
    this.secrets.clear();
    this.pattern = undefined;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, '[redacted]');
  }
}
