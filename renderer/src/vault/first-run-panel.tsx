import { useId, useRef, useState, type FormEvent } from 'react';
import { useSetUpVault } from '../queries/use-vault-mutations';
import { focusFirstInvalid, useNewPassphrase } from './new-passphrase';
import { NewPassphraseFields } from './new-passphrase-fields';

type Method = 'keychain' | 'passphrase';

/** First run with a keychain: the board already works; this lets the user pick a passphrase instead. */
export function FirstRunPanel() {
  const headingId = useId();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [method, setMethod] = useState<Method>('keychain');
  const passphrase = useNewPassphrase();
  const setUp = useSetUpVault();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (method === 'keychain') return setUp.mutate({ method });
    const chosen = passphrase.checked();
    if (chosen === undefined) return focusFirstInvalid(formRef.current);
    setUp.mutate({ method, passphrase: chosen });
  }

  return (
    <section className="vault-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="vault-panel-title">
        Set up your vault
      </h2>
      <p className="vault-panel-text">
        Choose how Keymint unlocks your encrypted credentials. If you skip this, the system keychain is used.
      </p>
      <form ref={formRef} className="vault-form" noValidate onSubmit={submit}>
        <fieldset className="method-choice">
          <legend className="visually-hidden">Unlock method</legend>
          <MethodOption
            id={`${id}-keychain`}
            group={id}
            label="System keychain (recommended)"
            about="Unlocks by itself while you are signed in to this computer."
            checked={method === 'keychain'}
            onSelect={() => setMethod('keychain')}
          />
          <MethodOption
            id={`${id}-passphrase`}
            group={id}
            label="Passphrase"
            about="You type it when Keymint starts and after it locks. It cannot be recovered if forgotten."
            checked={method === 'passphrase'}
            onSelect={() => setMethod('passphrase')}
          />
        </fieldset>
        {method === 'passphrase' && <NewPassphraseFields state={passphrase} label="Passphrase" confirmLabel="Confirm passphrase" />}
        {setUp.error && (
          <p role="alert" className="inline-refusal">
            {setUp.error.message}
          </p>
        )}
        <div>
          <button type="submit" className="button primary" disabled={setUp.isPending}>
            {setUp.isPending ? 'Setting up…' : 'Set up vault'}
          </button>
        </div>
      </form>
    </section>
  );
}

interface MethodOptionProps {
  id: string;
  /** The radio group's name. */
  group: string;
  label: string;
  /** One line on what choosing it means, read after the name. */
  about: string;
  checked: boolean;
  onSelect: () => void;
}

function MethodOption({ id, group, label, about, checked, onSelect }: MethodOptionProps) {
  return (
    <div className="method-option">
      <input id={id} type="radio" name={group} checked={checked} aria-describedby={`${id}-about`} onChange={onSelect} />
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-about`} className="method-about">
        {about}
      </span>
    </div>
  );
}
