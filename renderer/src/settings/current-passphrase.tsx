import { useState } from 'react';
import { flushSync } from 'react-dom';
import { PassphraseField } from '../ui/passphrase-field';
import { isWrongPassphrase } from '../keymint-client';

export interface CurrentPassphrase {
  /** False when the vault has no passphrase: nothing is asked, nothing is sent. */
  needed: boolean;
  value: string;
  error?: string;
  set(value: string): void;
  /**
   * What to add to the request (`{ currentPassphrase }`, or `{}` when not needed), or undefined
   * when the field is empty; then it is flagged, rendered at once so it can take focus.
   */
  checked(): { currentPassphrase?: string } | undefined;
  /** Puts main's "wrong passphrase" refusal under the field; true when the error was that one. */
  claim(error: unknown): boolean;
  /** The form-level refusal: any error but the one shown under this field. */
  formError(error: Error | null): string | undefined;
}

/** The "Current passphrase" main asks for before changing how the vault opens or writing a backup. */
export function useCurrentPassphrase(needed: boolean): CurrentPassphrase {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  return {
    needed,
    value,
    error,
    set(next) {
      setValue(next);
      setError(undefined);
    },
    checked() {
      if (!needed) return {};
      if (value) return { currentPassphrase: value };
      flushSync(() => setError('Enter your current passphrase.'));
      return undefined;
    },
    claim(refusal) {
      if (!needed || !isWrongPassphrase(refusal)) return false;
      flushSync(() => setError((refusal as Error).message));
      return true;
    },
    formError(refusal) {
      return refusal && !(needed && isWrongPassphrase(refusal)) ? refusal.message : undefined;
    },
  };
}

/** Shown only when the vault has a passphrase. */
export function CurrentPassphraseField({ state }: { state: CurrentPassphrase }) {
  if (!state.needed) return null;
  return (
    <PassphraseField label="Current passphrase" error={state.error} value={state.value} autoComplete="current-password" onChange={state.set} />
  );
}
