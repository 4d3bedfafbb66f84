import { createContext, use, useCallback, useEffect, useState, type ReactNode } from 'react';

const SHOWN_MS = 5000;

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/** One polite live region for short confirmations ("Copied Authorization header"). */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback<Announce>((text) => setMessage(text), []);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <AnnounceContext value={announce}>
      {children}
      {/* Always rendered: screen readers only announce changes to a region that already exists. */}
      <p role="status" aria-live="polite" className={message ? 'announcer announcer-shown' : 'announcer'}>
        {message}
      </p>
    </AnnounceContext>
  );
}

export function useAnnounce(): Announce {
  return use(AnnounceContext);
}
