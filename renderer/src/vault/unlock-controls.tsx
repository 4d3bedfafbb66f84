import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { useUnlockVault } from '../queries/use-vault-mutations';
import { Refusal } from '../ui/refusal';

interface UnlockControlsProps {
  slots: VaultStatus['slots'];
  /** Lets the caller focus the first control (the passphrase, else the keychain button). */
  firstControlRef?: RefObject<HTMLElement | null>;
}

/**
 * The passphrase and keychain unlock controls, shared by the banner above the board and by a
 * form that met a locked vault (its own form, never nested: the passphrase is not the form's).
 */
export function UnlockControls({ slots, firstControlRef }: UnlockControlsProps) {
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const unlock = useUnlockVault();
  const problem = missing ? 'Enter your passphrase.' : unlock.error?.message;
  const hasPassphrase = slots.includes('passphrase');
  const hasKeychain = slots.includes('keychain');
  const assignFirst = (element: HTMLElement | null) => {
    if (firstControlRef && (element || !firstControlRef.current)) firstControlRef.current = element;
  };

  function unlockWithPassphrase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Submitting here must never submit a form around this one (the provider form).
    event.stopPropagation();
    if (!passphrase) {
      setMissing(true);
      return inputRef.current?.focus();
    }
    unlock.mutate(
      { method: 'passphrase', passphrase },
      // The passphrase stays in the field so a typo can be fixed rather than retyped.
      { onError: () => inputRef.current?.select() },
    );
  }

  return (
    <>
      <div className="unlock-row">
        {hasPassphrase && (
          <form className="unlock-form" noValidate onSubmit={unlockWithPassphrase}>
            <label htmlFor={inputId}>Passphrase</label>
            <input
              ref={(element) => {
                inputRef.current = element;
                assignFirst(element);
              }}
              id={inputId}
              type="password"
              value={passphrase}
              required
              autoComplete="current-password"
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(event) => {
                setPassphrase(event.target.value);
                setMissing(false);
                unlock.reset();
              }}
            />
            <button type="submit" className="button primary" disabled={unlock.isPending}>
              {unlock.isPending && unlock.variables.method === 'passphrase' ? 'Unlocking…' : 'Unlock'}
            </button>
          </form>
        )}
        {hasKeychain && (
          <button
            ref={hasPassphrase ? undefined : assignFirst}
            type="button"
            className={hasPassphrase ? 'button' : 'button primary'}
            disabled={unlock.isPending}
            onClick={() => unlock.mutate({ method: 'keychain' })}
          >
            Unlock with keychain
          </button>
        )}
      </div>
      {problem && <Refusal id={errorId}>{problem}</Refusal>}
    </>
  );
}
