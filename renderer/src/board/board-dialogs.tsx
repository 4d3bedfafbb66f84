import type { ProviderView } from '../../../shared/ipc/provider-view';
import { ProviderDetailsDialog } from '../details/provider-details-dialog';
import { ProviderFormDialog } from '../form/provider-form-dialog';
import { RemoveProviderDialog } from './remove-provider-dialog';

export type BoardDialogKind = 'edit' | 'remove' | 'details';

export interface OpenBoardDialog {
  kind: BoardDialogKind;
  id: string;
}

interface BoardDialogsProps {
  open: OpenBoardDialog | null;
  providers: readonly ProviderView[];
  onClose: () => void;
}

/**
 * The dialogs a row's menu opens, kept by the board rather than the row: a virtualised row
 * unmounts when it scrolls away or the list re-sorts, and its dialog must not go with it.
 */
export function BoardDialogs({ open, providers, onClose }: BoardDialogsProps) {
  const provider = open && providers.find((p) => p.id === open.id);
  if (!open || !provider) return null;
  switch (open.kind) {
    case 'edit':
      return <ProviderFormDialog stored={provider} onClose={onClose} />;
    case 'remove':
      return <RemoveProviderDialog provider={provider} onClose={onClose} />;
    case 'details':
      return <ProviderDetailsDialog providerId={provider.id} onClose={onClose} />;
  }
}
