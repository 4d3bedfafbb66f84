import type { Preset } from './preset';

/** ../shared/seeds/002: `expires_in` is an absolute unix timestamp, not a duration. Refresh
 * sends the newest refresh token with the `subject` from the last reply (the doc calls it
 * "your API key"), and each reply's refresh token replaces the old one. */
export const highline: Preset = {
  id: 'highline',
  label: 'Highline',
  recipe: {
    name: 'Highline',
    fields: [
      { key: 'apiKey', label: 'API key', secret: true, required: true, help: 'Account settings page.' },
      { key: 'secret', label: 'Secret', secret: true, required: true },
    ],
    together: [],
    baseUrl: {
      label: 'Base URL',
      default: 'https://api.highline.co',
      alternatives: [{ label: 'Production', url: 'https://api.highline.co' }, { label: 'Sandbox', url: 'https://sandbox-api.highline.co' }],
    },
    request: {
      method: 'POST',
      path: '/auth/token',
      headers: {},
      auth: { type: 'none' },
      body: { type: 'json', fields: { api_key: '{{apiKey}}', secret: '{{secret}}' } },
    },
    response: {
      successStatus: [200],
      token: 'access_token',
      refreshToken: 'refresh_token',
      expiry: { path: 'expires_in', kind: 'epoch-seconds' },
      save: { subject: 'subject' },
      mustBeTrue: [],
    },
    refresh: {
      method: 'POST',
      path: '/auth/token',
      headers: {},
      auth: { type: 'none' },
      body: {
        type: 'json',
        fields: { refresh_token: '{{saved.refreshToken}}', subject: '{{saved.subject|apiKey}}', grant_type: 'refresh_token' },
      },
    },
    statusMessages: {},
    header: { name: 'Authorization', scheme: 'Bearer' },
  },
};
