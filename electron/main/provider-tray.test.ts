import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../shared/ipc/provider-view';
import { providerView } from '../../shared/testing/provider-view-fixture';
import { NO_TOKEN } from '../../shared/tokens/token-status';
import { ProviderTray, type TrayCore } from './provider-tray';
import { TRAY_PROVIDERS, trayStatus, type TrayItem } from './tray-menu';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

const view = (id: string, overrides: Partial<ProviderView> = {}): ProviderView => providerView({ id, name: `Provider ${id}`, ...overrides });

const valid = (expiresInMs: number, renewal: ProviderView['status']['renewal']['state'] = 'scheduled') => ({
  ...NO_TOKEN,
  state: 'valid' as const,
  obtainedAt: at(-1000),
  expiresAt: at(expiresInMs),
  renewal: { ...NO_TOKEN.renewal, state: renewal },
});

/** A core holding `views`, counting what the tray asks of it. */
function fakeCore(views: ProviderView[]) {
  const byId = new Map(views.map((v) => [v.id, v]));
  const asked = { list: 0, get: [] as string[] };
  let locked = false;
  const core: TrayCore = {
    list: () => {
      asked.list += 1;
      return [...byId.values()];
    },
    get: (id) => {
      asked.get.push(id);
      const found = byId.get(id);
      if (!found) throw new Error('gone');
      return found;
    },
    locked: () => locked,
  };
  return { core, byId, asked, lock: () => (locked = true) };
}

function tray(views: ProviderView[]) {
  const fake = fakeCore(views);
  const menus: TrayItem[][] = [];
  const copied: string[] = [];
  const palette = { opened: 0 };
  const providerTray = new ProviderTray(
    fake.core,
    (items) => void menus.push(items),
    { copy: (id) => void copied.push(id), openWindow: () => undefined, openPalette: () => void (palette.opened += 1), quit: () => undefined },
    () => NOW,
  );
  const labels = () => (menus.at(-1) ?? []).map((item) => item.label ?? '—');
  const item = (label: RegExp) => menus.at(-1)?.find((i) => i.label !== undefined && label.test(i.label));
  return { ...fake, providerTray, menus, copied, palette, labels, item };
}

describe('the tray menu', () => {
  it('lists providers by name with their status in words; choosing one copies that provider', () => {
    const t = tray([
      view('b', { name: 'Billing', status: valid(3_600_000) }),
      view('a', { name: 'Analytics', missing: ['API key'] }),
      view('c', { name: 'Catalog', autoRenew: false, status: valid(-5000, 'off') }),
    ]);
    const providers = t.labels().filter((label) => label.includes(' — '));
    expect(providers).toEqual([
      'Analytics — Needs its key',
      expect.stringMatching(/^Billing — Valid until \S+/),
      'Catalog — Expired · renewal off',
    ]);
    t.item(/^Billing/)?.click?.();
    expect(t.copied).toEqual(['b']);
  });

  it('shows the first providers only, and offers the palette for the rest', () => {
    const many = Array.from({ length: 45 }, (_, i) => view(`p${String(i).padStart(2, '0')}`));
    const t = tray(many);
    expect(t.labels().filter((label) => label.includes(' — '))).toHaveLength(TRAY_PROVIDERS);
    t.item(/^25 more/)?.click?.();
    expect(t.palette.opened).toBe(1);
  });

  it('is updated from providers:changed by fetching only the changed views, and set again only when it shows something new', () => {
    const many = Array.from({ length: 200 }, (_, i) => view(`p${i}`, { name: `P ${String(i).padStart(3, '0')}` }));
    const t = tray(many);
    expect(t.asked.list).toBe(1);
    expect(t.menus).toHaveLength(1);

    t.byId.set('p1', { ...t.byId.get('p1')!, status: valid(600_000) });
    t.providerTray.changed({ kind: 'providers', change: { kind: 'some', changed: ['p1'], removed: [] } });
    expect(t.asked).toEqual({ list: 1, get: ['p1'] });
    expect(t.labels()).toContainEqual(expect.stringMatching(/^P 001 — Valid until/));
    expect(t.menus).toHaveLength(2);

    // A provider beyond the first twenty changed: nothing the menu shows differs.
    t.byId.set('p150', { ...t.byId.get('p150')!, status: valid(600_000) });
    t.providerTray.changed({ kind: 'providers', change: { kind: 'some', changed: ['p150'], removed: [] } });
    expect(t.menus).toHaveLength(2);

    t.byId.delete('p0');
    t.providerTray.changed({ kind: 'providers', change: { kind: 'some', changed: [], removed: ['p0'] } });
    expect(t.labels().some((label) => label.startsWith('P 000'))).toBe(false);
    expect(t.asked.list).toBe(1);

    // Locking may change everything: listed again once, and the menu says the vault is locked.
    t.lock();
    t.providerTray.changed({ kind: 'providers', change: { kind: 'all' } });
    expect(t.asked.list).toBe(2);
    expect(t.labels()).toContain('Vault locked: open Keymint to unlock');
  });

  it('says what a provider is when it cannot run or failed', () => {
    expect(trayStatus(view('x', { problem: 'recipe does not load' }), NOW)).toBe('Cannot run');
    expect(trayStatus(view('x', { status: { ...NO_TOKEN, state: 'error' } }), NOW)).toBe('Error');
    expect(trayStatus(view('x'), NOW)).toBe('No token');
    expect(trayStatus(view('x', { status: valid(60_000, 'stopped') }), NOW, () => '10:01')).toBe('Valid until 10:01 · renewal stopped');
  });
});
