import { useVaultStatus } from '../queries/use-vault-status';
import { FirstRunPanel } from './first-run-panel';
import { UnlockBanner } from './unlock-banner';

/** What the vault asks of the user above the board: a first-run choice, or unlocking. */
export function VaultNotice() {
  const status = useVaultStatus().data;
  if (status?.state === 'uninitialized') return <FirstRunPanel />;
  if (status?.state === 'locked') return <UnlockBanner slots={status.slots} />;
  return null;
}
