import { useEffect, useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { CLIPBOARD_CLEAR_MS, clearsInWords } from '../../../shared/clipboard/clipboard-clear';
import type { CredentialFormat } from '../../../shared/tokens/credential-format';
import { useCopyCredential } from '../queries/use-token-mutations';
import { useAnnounce } from '../ui/announcer';

/** How long "Copied ✓" stays beside the button. */
const FEEDBACK_MS = 4000;

export interface RowCopy {
  copy: (format?: CredentialFormat) => void;
  pending: boolean;
  /** "Copied ✓ — clears in 2 min", shown where the user clicked for a few seconds. */
  feedback: string | null;
  failure: string | null;
}

/**
 * Copying happens in main (the token never reaches the page); the row shows the outcome beside
 * its button and screen readers hear it, naming the provider and what was copied.
 */
export function useRowCopy(provider: ProviderView): RowCopy {
  const copyCredential = useCopyCredential();
  const announce = useAnnounce();
  const [feedback, setFeedback] = useState<string | null>(null);

  useEffect(() => {
    if (feedback === null) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  function copy(format: CredentialFormat = 'header') {
    setFeedback(null);
    copyCredential.mutate(
      { id: provider.id, format },
      {
        onSuccess: ({ label }) => {
          const clears = clearsInWords(CLIPBOARD_CLEAR_MS);
          setFeedback(clears ? `Copied ✓ — ${clears}` : 'Copied ✓');
          announce(`Copied ${label} of ${provider.name}${clears ? `; the clipboard ${clears}` : ''}`, { shown: false });
        },
      },
    );
  }

  return { copy, pending: copyCredential.isPending, feedback, failure: copyCredential.error?.message ?? null };
}
