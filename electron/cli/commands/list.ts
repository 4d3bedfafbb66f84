import { displayState, STATE_WORDS } from '../../../shared/tokens/token-status';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { Command } from '../cli-context';

/** What `list --json` says of a provider: its status, never a secret or a token. */
function listed(provider: ProviderView, now: number) {
  const { status } = provider;
  return {
    id: provider.id,
    name: provider.name,
    preset: provider.presetId,
    baseUrl: provider.baseUrl,
    state: displayState(status, now),
    expiresAt: status.expiresAt,
    expirySource: status.expirySource,
    obtainedAt: status.obtainedAt,
    renewal: status.renewal,
    lastError: status.lastError,
    missing: provider.missing,
    problem: provider.problem,
  };
}

function renewalWords(provider: ReturnType<typeof listed>): string {
  const { renewal } = provider;
  if (renewal.state === 'scheduled' && renewal.nextAt) return `renews ${renewal.nextAt}`;
  if (renewal.reason) return `${renewal.state}: ${renewal.reason}`;
  return renewal.state;
}

/** `keymint list [--json]`: needs no key, so it never unlocks (a locked vault still lists). */
export const list: Command = async ({ parsed, io, core, print }) => {
  const now = io.now();
  const providers = core().providers.list().map((p) => listed(p, now));
  if (parsed.options.names) print(providers.map((p) => p.name).join('\n'));
  else if (parsed.options.json) print(JSON.stringify(providers, null, 2));
  else if (providers.length === 0) io.stderr.write('No providers yet: keymint add PRESET --name NAME (keymint presets lists them).\n');
  else print(listTable(providers));
  return 0;
};

function listTable(providers: ReturnType<typeof listed>[]): string {
  const rows = providers.map((p) => [
    p.name,
    p.preset,
    p.problem ? 'Problem' : p.missing.length ? `Missing ${p.missing.join(', ')}` : STATE_WORDS[p.state],
    p.expiresAt ? `${p.expiresAt} (${p.expirySource ?? 'unknown'})` : '-',
    renewalWords(p),
  ]);
  return table([['NAME', 'PRESET', 'STATUS', 'EXPIRES (SOURCE)', 'RENEWAL'], ...rows]);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}
