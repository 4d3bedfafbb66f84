import { useId, useState, type ReactNode } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { useAddVaultKeychain, useRemoveVaultSlot } from '../queries/use-vault-mutations';
import { useAnnounce } from '../ui/announcer';
import { Refusal } from '../ui/refusal';
import { OwnerCheckForm } from './owner-check-form';
import { PassphraseForm } from './passphrase-form';

type SlotKind = VaultStatus['slots'][number];
const SLOT_NAMES: Record<SlotKind, string> = { keychain: 'System keychain', passphrase: 'Passphrase' };

/** A change to the unlock methods; those other than the passphrase form may need the current passphrase. */
type SlotChange = { kind: 'add'; slot: 'keychain' } | { kind: 'remove'; slot: SlotKind };
type Open = 'passphrase' | SlotChange | null;

const sameChange = (open: Open, change: SlotChange) => typeof open === 'object' && open?.kind === change.kind && open.slot === change.slot;

function confirmIntro(change: SlotChange): string {
  return change.kind === 'add'
    ? 'Enter your current passphrase to let the system keychain unlock the vault as well.'
    : `Enter your current passphrase to remove the ${SLOT_NAMES[change.slot].toLowerCase()} as an unlock method.`;
}

/** Which ways open the vault, and changing them: each one only re-wraps the same data key. */
export function UnlockMethodsSection({ status }: { status: VaultStatus }) {
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const addKeychain = useAddVaultKeychain();
  const removeSlot = useRemoveVaultSlot();
  const announce = useAnnounce();
  const has = (kind: SlotKind) => status.slots.includes(kind);
  // Main asks for the passphrase again before any change to how a passphrase vault opens.
  const needsCurrent = has('passphrase');
  const canChange = status.state === 'unlocked';
  const busy = addKeychain.isPending || removeSlot.isPending;

  function apply(change: SlotChange, owner: { currentPassphrase?: string }): Promise<unknown> {
    addKeychain.reset();
    removeSlot.reset();
    const done = () => {
      announce(
        change.kind === 'add' ? 'The system keychain now unlocks the vault' : `${SLOT_NAMES[change.slot]} removed as an unlock method`,
      );
      setOpen(null);
    };
    return change.kind === 'add'
      ? addKeychain.mutateAsync(owner).then(done)
      : removeSlot.mutateAsync({ kind: change.slot, ...owner }).then(done);
  }

  /** With a passphrase, the button opens a form asking for it; without, it applies at once. */
  function changeButton(change: SlotChange, text: ReactNode) {
    const expanded = needsCurrent ? sameChange(open, change) : undefined;
    return (
      <button
        key={`${change.kind}-${change.slot}`}
        type="button"
        className="button small"
        aria-expanded={expanded}
        disabled={!canChange || busy}
        onClick={() => {
          if (needsCurrent) return setOpen(expanded ? null : change);
          apply(change, {}).catch(() => undefined);
        }}
      >
        {text}
      </button>
    );
  }

  // Only offered when another method remains: main refuses to remove the last one.
  const removeButton = (slot: SlotKind) =>
    status.slots.length > 1 &&
    changeButton(
      { kind: 'remove', slot },
      <>
        Remove<span className="visually-hidden"> {SLOT_NAMES[slot].toLowerCase()}</span>
      </>,
    );

  function keychainControls() {
    if (has('keychain')) return [<State key="state" text="In use" />, removeButton('keychain')];
    if (!status.keychain.available) return <State text={status.keychain.reason ?? 'Not available on this computer.'} />;
    const adding = addKeychain.isPending && !needsCurrent;
    return [<State key="state" text="Not in use" />, changeButton({ kind: 'add', slot: 'keychain' }, adding ? 'Adding…' : 'Use system keychain')];
  }

  const change = open !== 'passphrase' ? open : null;
  // A change confirmed with the passphrase shows its refusal in that form instead.
  const failure = change ? undefined : (addKeychain.error ?? removeSlot.error)?.message;
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
              aria-expanded={open === 'passphrase'}
              disabled={!canChange || busy}
              onClick={() => setOpen(open === 'passphrase' ? null : 'passphrase')}
            >
              {has('passphrase') ? 'Change passphrase' : 'Set passphrase'}
            </button>
            {has('passphrase') && removeButton('passphrase')}
          </li>
        </ul>
      )}
      {status.state === 'locked' && <p className="field-help">Unlock the vault to change how it unlocks.</p>}
      {failure && <Refusal>{failure}</Refusal>}
      {canChange && open === 'passphrase' && <PassphraseForm changing={has('passphrase')} onDone={() => setOpen(null)} />}
      {canChange && change && needsCurrent && (
        <OwnerCheckForm
          key={`${change.kind}-${change.slot}`}
          intro={confirmIntro(change)}
          pendingLabel={change.kind === 'add' ? 'Adding…' : 'Removing…'}
          pending={busy}
          error={change.kind === 'add' ? addKeychain.error : removeSlot.error}
          run={(owner) => apply(change, owner)}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  );
}

function State({ text }: { text: string }) {
  return <span className="slot-state">{text}</span>;
}
