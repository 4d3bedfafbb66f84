import type { ReactNode } from 'react';

/**
 * Where the vault screens (set up, unlock) will stand between the user and the board.
 * The vault channels are not in the contract yet, so for now it lets everything through.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  return children;
}
