import type { z } from 'zod';
import type {
  addKeychainInputSchema,
  removeSlotInputSchema,
  setPassphraseInputSchema,
  vaultSetupInputSchema,
  VaultStatus,
  vaultUnlockInputSchema,
} from '../../../shared/ipc/vault-view';
import { confirmOutsideThePage, confirmOwner } from '../owner-confirmation';
import type { AskOwner } from '../ports';
import type { SessionHolder } from '../session-holder';

type Input<S extends z.ZodType> = z.output<S>;
export type SetupMethod = Input<typeof vaultSetupInputSchema>['method'];

/** Setting up, opening and closing the vault, and the ways it opens. Every method answers with the new status. */
export interface VaultFacade {
  status(): VaultStatus;
  setup(input: Input<typeof vaultSetupInputSchema>): Promise<VaultStatus>;
  unlock(input: Input<typeof vaultUnlockInputSchema>): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  /** Adds or changes the passphrase: the current one first, then the owner's confirmation outside the page. */
  setPassphrase(input: Input<typeof setPassphraseInputSchema>): Promise<VaultStatus>;
  addKeychain(input: Input<typeof addKeychainInputSchema>): Promise<VaultStatus>;
  removeSlot(input: Input<typeof removeSlotInputSchema>): Promise<VaultStatus>;
  /** What the user picked in the first-run panel before pressing "Set up vault". */
  chooseSetup(method: SetupMethod): VaultStatus;
  /** The user is at work: postpones auto-lock, never revives a locked vault. */
  activity(): void;
  /** Moves an unreadable data file aside and opens a new, empty one. */
  startFresh(): VaultStatus & { movedTo: string };
  /** CORE ONLY, never on IPC: a copy of the data key (the caller zeroes it) bound to the current unlock methods, for the CLI's session. */
  shareKey(): Promise<{ dataKey: Buffer; binding: Buffer }>;
  /**
   * CORE ONLY: opens with a key from shareKey while the unlock methods are unchanged; throws
   * VaultError otherwise. Answers no status: that would ask the system keychain, which a
   * command opening with its session never needs.
   */
  unlockWithSharedKey(dataKey: Buffer, binding: Buffer): Promise<void>;
}

export function vaultFacade(holder: SessionHolder, askOwner: AskOwner): VaultFacade {
  const vault = () => holder.session().vault.vault;
  const after = async (change: Promise<void> | void) => {
    await change;
    return holder.status();
  };
  return {
    status: () => holder.status(),
    setup: (input) => after(vault().setup(input)),
    unlock: (input) => after(input.method === 'keychain' ? vault().unlockWithKeychain() : vault().unlockWithPassphrase(input.passphrase)),
    lock: () => after(vault().lock()),
    setPassphrase: async ({ passphrase, currentPassphrase }) => {
      const v = (await holder.ready()).vault.vault;
      const changing = v.snapshot().slots.includes('passphrase');
      // The current passphrase first, so a page without it cannot even raise the dialog.
      await confirmOwner(v, currentPassphrase);
      await confirmOutsideThePage(askOwner, {
        message: changing ? 'Change the passphrase that unlocks Keymint?' : 'Let a passphrase unlock Keymint?',
        detail: changing
          ? 'Only the new passphrase will open the vault. If you did not ask for this in Keymint just now, choose Cancel.'
          : 'The passphrase typed in Keymint’s window will open your vault too. If you did not ask for this just now, choose Cancel.',
        confirmLabel: changing ? 'Change passphrase' : 'Add passphrase',
      });
      return after(changing ? v.changePassphrase(currentPassphrase ?? '', passphrase) : v.addPassphrase(passphrase));
    },
    addKeychain: async ({ currentPassphrase }) => {
      const v = (await holder.ready()).vault.vault;
      await confirmOwner(v, currentPassphrase);
      return after(v.addKeychain());
    },
    removeSlot: async ({ kind, currentPassphrase }) => {
      const v = (await holder.ready()).vault.vault;
      await confirmOwner(v, currentPassphrase);
      const name = kind === 'keychain' ? 'the system keychain' : 'the passphrase';
      await confirmOutsideThePage(askOwner, {
        message: `Stop ${name} from unlocking Keymint?`,
        detail: `Only the remaining method will open the vault; if you cannot use it, your stored credentials are lost. If you did not ask for this in Keymint just now, choose Cancel.`,
        confirmLabel: 'Remove',
      });
      return after(v.removeSlot(kind));
    },
    chooseSetup: (method) => {
      holder.session().vault.chooseSetup(method);
      return holder.status();
    },
    // Ignored while locked; touch() itself locks rather than revives past the idle deadline.
    activity: () => vault().touch(),
    startFresh: () => holder.startFresh(),
    shareKey: () => vault().shareKey(),
    unlockWithSharedKey: (dataKey, binding) => vault().unlockWithSharedKey(dataKey, binding),
  };
}
