import { createContext, use, useCallback, useEffect, useState, type ReactNode } from 'react';

const SHOWN_MS = 5000;

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);
const MessageContext = createContext('');

/** One polite message at a time for short confirmations ("Copied Authorization header"). */
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
      <MessageContext value={message}>
        {children}
        <AnnouncerRegion />
      </MessageContext>
    </AnnounceContext>
  );
}

/**
 * The live region showing the message. A modal dialog makes the rest of the page inert, and
 * inert regions are not read out, so each open dialog renders one inside itself as well.
 * Always rendered: screen readers only announce changes to a region that already exists.
 */
export function AnnouncerRegion() {
  const message = use(MessageContext);
  return (
    <p role="status" aria-live="polite" className={message ? 'announcer announcer-shown' : 'announcer'}>
      {message}
    </p>
  );
}

export function useAnnounce(): Announce {
  return use(AnnounceContext);
}
