import { useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { isPresetId } from '../../../shared/recipes/presets';
import { ProviderFormDialog } from '../form/provider-form-dialog';
import { useCopyToClipboard, useGenerateToken } from '../queries/use-token-mutations';
import { useVaultLocked } from '../queries/use-vault-status';
import { useAnnounce } from '../ui/announcer';
import { Refusal } from '../ui/refusal';
import { lockedControlProps } from '../vault/locked-hint';
import { RemoveProviderDialog } from './remove-provider-dialog';
import { ProviderDetailsDialog } from '../details/provider-details-dialog';

interface ProviderActionsProps {
  provider: ProviderView;
  /** Puts the emphasis on the next useful action: copy a working token, or mint one. */
  hasUsableToken: boolean;
}

export function ProviderActions({ provider, hasUsableToken }: ProviderActionsProps) {
  const generate = useGenerateToken();
  const copy = useCopyToClipboard();
  const announce = useAnnounce();
  // Main refuses these while locked; disabled here so nobody has to find that out by trying.
  const needsKey = lockedControlProps(useVaultLocked());
  // A provider that cannot run as stored can only be edited (to mend its recipe) or removed;
  // one whose preset this version does not know, only removed.
  const runnable = provider.problem === null;
  const editable = isPresetId(provider.presetId);
  const [open, setOpen] = useState<'edit' | 'remove' | 'details' | null>(null);

  function generateToken() {
    copy.reset();
    generate.mutate(provider.id);
  }

  function copyHeader() {
    generate.reset();
    copy.mutate({ id: provider.id }, { onSuccess: ({ label }) => announce(`Copied ${label} header`) });
  }

  // A failed generate usually lands in the status too; say it here only when it did not.
  const generateFailure = generate.error?.message !== provider.status.lastError?.message ? generate.error?.message : undefined;
  const failure = copy.error?.message ?? generateFailure;

  return (
    <>
      <div className="provider-actions">
        <div className="action-group">
          <button
            type="button"
            className={hasUsableToken ? 'button' : 'button primary'}
            disabled={generate.isPending || !runnable}
            onClick={generateToken}
            {...needsKey}
          >
            {generate.isPending ? 'Generating…' : 'Generate token'}
          </button>
          <button
            type="button"
            className={hasUsableToken ? 'button primary' : 'button'}
            disabled={copy.isPending || !runnable}
            onClick={copyHeader}
            {...needsKey}
          >
            Copy bearer header
          </button>
        </div>
        <div className="action-group">
          <button type="button" className="button quiet" onClick={() => setOpen('details')} disabled={!runnable} {...needsKey}>
            Details
          </button>
          <button type="button" className="button quiet" onClick={() => setOpen('edit')} disabled={!editable} {...needsKey}>
            Edit
          </button>
          <button type="button" className="button quiet danger-text" onClick={() => setOpen('remove')}>
            Remove
          </button>
        </div>
      </div>
      {failure && <Refusal>{failure}</Refusal>}
      {open === 'edit' && <ProviderFormDialog stored={provider} onClose={() => setOpen(null)} />}
      {open === 'remove' && <RemoveProviderDialog provider={provider} onClose={() => setOpen(null)} />}
      {open === 'details' && <ProviderDetailsDialog providerId={provider.id} onClose={() => setOpen(null)} />}
    </>
  );
}
