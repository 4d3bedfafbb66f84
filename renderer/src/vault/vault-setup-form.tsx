import { useId, useRef, useState, type FormEvent } from 'react';
import { useChooseVaultSetup, useSetUpVault } from '../queries/use-vault-mutations';
import { useVaultStatus } from '../queries/use-vault-status';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { useNewPassphrase } from './new-passphrase';
import { NewPassphraseFields } from './new-passphrase-fields';

type Method = 'keychain' | 'passphrase';

/**
 * Sets the vault up: with a choice of method when the keychain works (keychain first, as the
 * default), or straight to a new passphrase when it does not.
 */
export function VaultSetupForm({ offerKeychain }: { offerKeychain: boolean }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // Picked before, e.g. by this panel before a reload: main keeps it until the vault is set up.
  const pending = useVaultStatus().data?.setupMethod;
  const [chosenMethod, setChosenMethod] = useState<Method>(pending ?? 'keychain');
  const method: Method = offerKeychain ? chosenMethod : 'passphrase';
  const choose = useChooseVaultSetup();
  // Main hears the choice at once, so a provider saved before "Set up vault" never gets the keychain instead.
  const setMethod = (next: Method) => {
    setChosenMethod(next);
    choose.mutate(next);
  };
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
    <form ref={formRef} className="vault-form" noValidate onSubmit={submit}>
      {offerKeychain && (
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
      )}
      {method === 'passphrase' && <NewPassphraseFields state={passphrase} label="Passphrase" confirmLabel="Confirm passphrase" />}
      {setUp.error && <Refusal>{setUp.error.message}</Refusal>}
      <FormActions label="Set up vault" pendingLabel="Setting up…" pending={setUp.isPending} />
    </form>
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
