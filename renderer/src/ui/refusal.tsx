import type { ReactNode } from 'react';

interface RefusalProps {
  /** Lets a control point at the message with aria-describedby. */
  id?: string;
  children: ReactNode;
}

/** What went wrong, in main's own words: announced as it appears, shown in the one error box. */
export function Refusal({ id, children }: RefusalProps) {
  return (
    <p id={id} role="alert" className="refusal">
      {children}
    </p>
  );
}
