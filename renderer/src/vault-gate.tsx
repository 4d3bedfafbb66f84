import type { ReactNode } from 'react';

/**
 * Where the vault screens (set up, unlock) will stand between the user and the board.
 * Until those screens exist it lets everything through.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  return children;
}
