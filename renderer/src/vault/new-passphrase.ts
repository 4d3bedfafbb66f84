import { useState } from 'react';
import { flushSync } from 'react-dom';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/vault-view';

export interface NewPassphraseErrors {
  passphrase?: string;
  confirm?: string;
}

/** The check main makes (length), plus the one only the form can make (both typings agree). */
export function checkNewPassphrase(passphrase: string, confirm: string): NewPassphraseErrors {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { passphrase: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  if (confirm !== passphrase) return { confirm: 'The two passphrases are not the same.' };
  return {};
}

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  errors: NewPassphraseErrors;
  setPassphrase(value: string): void;
  setConfirm(value: string): void;
  /** The passphrase when it passes the checks; otherwise flags the field (rendered at once, so it can take focus). */
  checked(): string | undefined;
  reset(): void;
}

/** State for a "passphrase + confirm" pair; an error clears as soon as its field is edited. */
export function useNewPassphrase(): NewPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  return {
    passphrase,
    confirm,
    errors,
    setPassphrase(value) {
      setPassphrase(value);
      setErrors(({ passphrase: _, ...rest }) => rest);
    },
    setConfirm(value) {
      setConfirm(value);
      setErrors(({ confirm: _, ...rest }) => rest);
    },
    checked() {
      const found = checkNewPassphrase(passphrase, confirm);
      flushSync(() => setErrors(found));
      return found.passphrase || found.confirm ? undefined : passphrase;
    },
    reset() {
      setPassphrase('');
      setConfirm('');
      setErrors({});
    },
  };
}
