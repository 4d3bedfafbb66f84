/**
 * Canonical `place` strings for the envelope cipher. Components are
 * URI-encoded so that ids containing ':' cannot make two different places
 * collide (e.g. provider "a:field:b" vs provider "a" field "b").
 */
export function fieldPlace(providerId: string, fieldKey: string): string {
  return `provider:${encodeURIComponent(providerId)}:field:${encodeURIComponent(fieldKey)}`;
}

export function tokenPlace(providerId: string): string {
  return `provider:${encodeURIComponent(providerId)}:token`;
}
