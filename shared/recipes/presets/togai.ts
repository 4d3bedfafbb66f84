import type { Preset } from './preset';

/** ../shared/seeds/003: the API key itself is the Bearer credential; the reply is `{token}` only,
 * so the expiry (24 h) comes from the JWT's `exp`. */
export const togai: Preset = {
  id: 'togai',
  label: 'Togai',
  recipe: {
    name: 'Togai',
    fields: [{ key: 'apiKey', label: 'API key', secret: true, required: true }],
    together: [],
    baseUrl: {
      label: 'Base URL',
      default: 'https://api.togai.com',
      alternatives: [{ label: 'Production', url: 'https://api.togai.com' }, { label: 'Sandbox', url: 'https://sandbox-api.togai.com' }],
    },
    request: {
      method: 'POST',
      path: '/authenticate',
      headers: { Accept: 'application/json' },
      auth: { type: 'bearer', token: '{{apiKey}}' },
      body: { type: 'none' },
    },
    response: { successStatus: [200], token: 'token', save: {}, mustBeTrue: [] },
    statusMessages: {},
    header: { name: 'Authorization', scheme: 'Bearer' },
  },
};
