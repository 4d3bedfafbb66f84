import { createContext, use, useCallback, useEffect, useState, type ReactNode } from 'react';

const SHOWN_MS = 5000;

/**
 * `shown: false` speaks to screen readers only: for a confirmation already shown where the user
 * clicked, so no toast covers other controls.
 */
type Announce = (message: string, options?: { shown?: boolean }) => void;

interface Message {
  text: string;
  shown: boolean;
}

const AnnounceContext = createContext<Announce>(() => undefined);
const MessageContext = createContext<Message>({ text: '', shown: false });

/** One polite message at a time for short confirmations ("Copied Authorization header"). */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message>({ text: '', shown: false });
  const announce = useCallback<Announce>((text, options) => setMessage({ text, shown: options?.shown ?? true }), []);

  useEffect(() => {
    if (!message.text) return;
    const timer = setTimeout(() => setMessage({ text: '', shown: false }), SHOWN_MS);
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
  const { text, shown } = use(MessageContext);
  return (
    <p role="status" aria-live="polite" className={text && shown ? 'announcer announcer-shown' : 'announcer'}>
      {text}
    </p>
  );
}

export function useAnnounce(): Announce {
  return use(AnnounceContext);
}
