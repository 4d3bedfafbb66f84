import { describe, expect, it } from 'vitest';
import { providerView } from '../testing/views';
import { hostOf, matchProviders, searchable } from './match-providers';

const providers = [
  providerView({ id: 'billing-eu', name: 'Billing EU', presetId: 'togai', baseUrl: 'https://api.togai.com' }),
  providerView({ id: 'billing-us', name: 'Billing US', presetId: 'togai', baseUrl: 'https://api.togai.com' }),
  providerView({ id: 'chatbot', name: 'Chatbot', presetId: 'xenioo', baseUrl: 'https://api.xenioo.com' }),
  providerView({ id: 'shop', name: 'Shop (staging)', presetId: 'custom', baseUrl: 'https://auth.staging.shop.test/oauth/token' }),
  providerView({ id: 'ledger', name: 'Ledger', presetId: 'highline', baseUrl: 'https://highline.example' }),
].map(searchable);

const ids = (query: string) => matchProviders(providers, query).map((m) => m.view.id);

describe('matchProviders', () => {
  it('lists every provider by name for an empty query', () => {
    expect(ids('')).toEqual(['billing-eu', 'billing-us', 'chatbot', 'ledger', 'shop']);
    expect(ids('   ')).toHaveLength(5);
  });

  it('finds by the start of the name first, case-insensitively', () => {
    expect(ids('bil')).toEqual(['billing-eu', 'billing-us']);
    expect(ids('CHAT')).toEqual(['chatbot']);
  });

  it('needs every word typed, each fitting somewhere', () => {
    expect(ids('billing us')).toEqual(['billing-us']);
    expect(ids('billing xenioo')).toEqual([]);
  });

  it('finds by preset (id or label) and by host', () => {
    expect(ids('xenioo')).toEqual(['chatbot']);
    expect(ids('staging.shop')).toEqual(['shop']);
    expect(ids('highline')).toEqual(['ledger']);
  });

  it('ranks a word of the name above a substring, and a substring above scattered letters', () => {
    const ranked = matchProviders(
      [
        providerView({ id: 'scattered', name: 'Small ledger', presetId: 'togai' }),
        providerView({ id: 'inside', name: 'Wholesaler', presetId: 'togai' }),
        providerView({ id: 'word', name: 'EU Sale', presetId: 'togai' }),
        providerView({ id: 'start', name: 'Saleforce', presetId: 'togai' }),
      ].map(searchable),
      'sale',
    ).map((m) => m.view.id);
    expect(ranked).toEqual(['start', 'word', 'inside', 'scattered']);
  });

  it('finds letters in order across words ("bleu" finds Billing EU)', () => {
    expect(ids('bleu')).toEqual(['billing-eu']);
    expect(ids('zzz')).toEqual([]);
  });

  it('reads the host of a base URL, and keeps text that is no URL', () => {
    expect(hostOf('https://api.togai.com/v1')).toBe('api.togai.com');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
