import { isIPv4 } from 'node:net';

/**
 * Whether `address` is a loopback address the served host may listen on: 127.0.0.0/8 or ::1.
 * Names are not accepted (what "localhost" resolves to is up to the hosts file and the resolver).
 */
export function isLoopbackAddress(address: string): boolean {
  if (isIPv4(address)) return address.split('.')[0] === '127';
  return address === '::1';
}

/** How the address appears in a URL and in the Host header: IPv6 in brackets. */
export function hostInUrl(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export class NotLoopbackError extends Error {
  constructor(address: string) {
    super(
      `Keymint serves only on this machine's loopback address (127.0.0.1 or ::1): refusing to listen on "${address}", ` +
        'which could let other machines reach the vault.',
    );
    this.name = 'NotLoopbackError';
  }
}
