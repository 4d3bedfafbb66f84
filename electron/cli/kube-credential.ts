import type { Credential } from '../core';

/**
 * A Kubernetes client-go ExecCredential (client.authentication.k8s.io/v1), what a kubeconfig
 * `users[].user.exec` plugin prints: the bearer token and when it expires, so kubectl asks
 * again only then. Without a known expiry the field is left out, and kubectl asks on every call.
 */
export interface ExecCredential {
  apiVersion: 'client.authentication.k8s.io/v1';
  kind: 'ExecCredential';
  status: { token: string; expirationTimestamp?: string };
}

export function execCredential(credential: Pick<Credential, 'text' | 'expiresAt'>): ExecCredential {
  const status: ExecCredential['status'] = { token: credential.text };
  // RFC 3339 without fractional seconds, as Kubernetes writes its own timestamps.
  if (credential.expiresAt) status.expirationTimestamp = new Date(credential.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status };
}
