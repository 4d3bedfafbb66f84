import { useEffect, useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { CredentialFormat } from '../../../shared/tokens/credential-format';
import { useCopyToClipboard } from '../queries/use-token-mutations';
import { useAnnounce } from '../ui/announcer';

/** How long "Copied ✓" stays beside the button. */
const FEEDBACK_MS = 4000;

export interface RowCopy {
  copy: (format?: CredentialFormat) => void;
  pending: boolean;
  /** "Copied ✓ — clears in 60 s", shown where the user clicked for a few seconds. */
  feedback: string | null;
  failure: string | null;
}

/**
 * Copying happens in main (the token never reaches the page); the row shows the outcome beside
 * its button and screen readers hear it, naming the provider and what was copied.
 */
export function useRowCopy(provider: ProviderView): RowCopy {
  const copyMutation = useCopyToClipboard();
  const announce = useAnnounce();
  const [feedback, setFeedback] = useState<string | null>(null);

  useEffect(() => {
    if (feedback === null) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  function copy(format: CredentialFormat = 'header') {
    setFeedback(null);
    copyMutation.mutate(
      { id: provider.id, format },
      {
        // Main says how long the copy stays (the user's setting), so the words never guess.
        onSuccess: ({ label, clearsInSeconds }) => {
          const clears = clearsInSeconds === null ? 'kept until you copy something else' : `clears in ${clearsInSeconds} s`;
          setFeedback(`Copied ✓ — ${clears}`);
          announce(`Copied ${label} of ${provider.name}; the clipboard ${clearsInSeconds === null ? 'keeps it until you copy something else' : clears}`, { shown: false });
        },
      },
    );
  }

  return { copy, pending: copyMutation.isPending, feedback, failure: copyMutation.error?.message ?? null };
}
