import { useLockVault } from '../queries/use-vault-mutations';
import { useVaultStatus } from '../queries/use-vault-status';

/** Locks at once (the key is wiped in main); shown only while there is something to lock. */
export function LockButton() {
  const unlocked = useVaultStatus().data?.state === 'unlocked';
  const lock = useLockVault();
  if (!unlocked) return null;
  return (
    <button type="button" className="button" disabled={lock.isPending} onClick={() => lock.mutate()}>
      Lock
    </button>
  );
}
