import type { RenewalStatus } from './token-status';

/** "45 s", "3 min 05 s", "2 h 04 min", "2 d 4 h": a span short enough to read at a glance. */
export function formatSpan(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

/** What automatic renewal is doing, in one sentence; null when there is nothing to say. */
export function renewalWords(renewal: RenewalStatus, now: number): string | null {
  const until = (at: string | null) => (at === null ? '' : ` in ${formatSpan(Date.parse(at) - now)}`);
  const renewed = renewal.renewedAt === null ? '' : ` · renewed ${formatSpan(now - Date.parse(renewal.renewedAt))} ago`;
  switch (renewal.state) {
    case 'scheduled':
      return `Renews automatically${until(renewal.nextAt)}${renewed}`;
    case 'renewing':
      return 'Renewing…';
    case 'retrying':
      return `Renewal failed; retrying${until(renewal.nextAt)} (attempt ${(renewal.attempt ?? 0) + 1})`;
    case 'stopped':
      return `Renewal stopped: ${renewal.reason ?? 'see the last error'}.`;
    case 'paused':
      return 'Renewal paused while the vault is locked; it resumes when you unlock.';
    case 'off':
      return 'Renewal off';
    case 'idle':
      return renewal.renewedAt === null ? null : `Renewed ${formatSpan(now - Date.parse(renewal.renewedAt))} ago`;
  }
}
