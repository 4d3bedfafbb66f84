import { useId, useState } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { useAddVaultKeychain, useRemoveVaultSlot } from '../queries/use-vault-mutations';
import { useAnnounce } from '../ui/announcer';
import { PassphraseForm } from './passphrase-form';

type SlotKind = VaultStatus['slots'][number];
const SLOT_NAMES: Record<SlotKind, string> = { keychain: 'System keychain', passphrase: 'Passphrase' };

/** Which ways open the vault, and changing them: each one only re-wraps the same data key. */
export function UnlockMethodsSection({ status }: { status: VaultStatus }) {
  const headingId = useId();
  const [editingPassphrase, setEditingPassphrase] = useState(false);
  const addKeychain = useAddVaultKeychain();
  const removeSlot = useRemoveVaultSlot();
  const announce = useAnnounce();
  const has = (kind: SlotKind) => status.slots.includes(kind);
  const canChange = status.state === 'unlocked';
  const busy = addKeychain.isPending || removeSlot.isPending;
  const failure = addKeychain.error?.message ?? removeSlot.error?.message;

  function startUsingKeychain() {
    removeSlot.reset();
    addKeychain.mutate(undefined, { onSuccess: () => announce('The system keychain now unlocks the vault') });
  }

  function remove(kind: SlotKind) {
    addKeychain.reset();
    removeSlot.mutate(kind, { onSuccess: () => announce(`${SLOT_NAMES[kind]} removed as an unlock method`) });
  }

  // Only offered when another method remains: main refuses to remove the last one.
  const removeButton = (kind: SlotKind) =>
    status.slots.length > 1 && (
      <button type="button" className="button small" disabled={!canChange || busy} onClick={() => remove(kind)}>
        Remove<span className="visually-hidden"> {SLOT_NAMES[kind].toLowerCase()}</span>
      </button>
    );

  function keychainControls() {
    if (has('keychain')) return [<State key="state" text="In use" />, removeButton('keychain')];
    if (!status.keychain.available) return <State text={status.keychain.reason ?? 'Not available on this computer.'} />;
    return [
      <State key="state" text="Not in use" />,
      <button key="use" type="button" className="button small" disabled={!canChange || busy} onClick={startUsingKeychain}>
        {addKeychain.isPending ? 'Adding…' : 'Use system keychain'}
      </button>,
    ];
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Unlock methods</h3>
      {status.state === 'uninitialized' ? (
        <p className="field-help">
          The vault is not set up yet. Choose a method in “Set up your vault”, or just add a provider to use the system
          keychain.
        </p>
      ) : (
        <ul className="slot-list">
          <li className="slot">
            <span className="slot-name">{SLOT_NAMES.keychain}</span>
            {keychainControls()}
          </li>
          <li className="slot">
            <span className="slot-name">{SLOT_NAMES.passphrase}</span>
            <State text={has('passphrase') ? 'In use' : 'Not set'} />
            <button
              type="button"
              className="button small"
              aria-expanded={editingPassphrase}
              disabled={!canChange || busy}
              onClick={() => setEditingPassphrase(!editingPassphrase)}
            >
              {has('passphrase') ? 'Change passphrase' : 'Set passphrase'}
            </button>
            {has('passphrase') && removeButton('passphrase')}
          </li>
        </ul>
      )}
      {status.state === 'locked' && <p className="field-help">Unlock the vault to change how it unlocks.</p>}
      {failure && (
        <p role="alert" className="inline-refusal">
          {failure}
        </p>
      )}
      {editingPassphrase && canChange && (
        <PassphraseForm changing={has('passphrase')} onDone={() => setEditingPassphrase(false)} />
      )}
    </section>
  );
}

function State({ text }: { text: string }) {
  return <span className="slot-state">{text}</span>;
}
