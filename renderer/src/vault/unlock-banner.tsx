import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { useUnlockVault } from '../queries/use-vault-mutations';
import { Refusal } from '../ui/refusal';
import { LOCKED_HINT_ID } from './locked-hint';

/** Above the board while locked: providers stay listed; minting, copying and editing wait for this. */
export function UnlockBanner({ slots }: { slots: VaultStatus['slots'] }) {
  const headingId = useId();
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const keychainRef = useRef<HTMLButtonElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const unlock = useUnlockVault();
  const problem = missing ? 'Enter your passphrase.' : unlock.error?.message;
  const hasPassphrase = slots.includes('passphrase');
  const hasKeychain = slots.includes('keychain');

  // Unlocking is the one thing to do now; but never pull focus out of a dialog the user is in.
  useEffect(() => {
    if (document.activeElement?.closest('dialog')) return;
    (inputRef.current ?? keychainRef.current)?.focus();
  }, []);

  function unlockWithPassphrase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
    <section className="vault-panel vault-locked" aria-labelledby={headingId}>
      <h2 id={headingId} className="vault-panel-title">
        Vault locked
      </h2>
      <p id={LOCKED_HINT_ID} className="vault-panel-text">
        Your providers stay listed, but generating, copying and editing wait until you unlock.
      </p>
      <div className="unlock-row">
        {hasPassphrase && (
          <form className="unlock-form" noValidate onSubmit={unlockWithPassphrase}>
            <label htmlFor={inputId}>Passphrase</label>
            <input
              ref={inputRef}
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
            ref={keychainRef}
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
    </section>
  );
}
