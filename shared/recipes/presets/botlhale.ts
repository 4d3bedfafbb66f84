import type { Preset } from './preset';

/** ../shared/seeds/000: every example sends the API key as the multipart field REFRESH_TOKEN;
 * the prose also says it is the Basic username and password, so both are sent. The bearer
 * for other endpoints is the IdToken, not the AccessToken; ExpiresIn is in seconds. */
export const botlhale: Preset = {
  id: 'botlhale',
  label: 'Botlhale',
  recipe: {
    name: 'Botlhale',
    fields: [{ key: 'apiKey', label: 'API key', secret: true, required: true, help: 'Profile > API on the Botlhale platform.' }],
    together: [],
    baseUrl: {
      label: 'Base URL',
      default: 'https://api.botlhale.xyz',
      alternatives: [
        { label: 'Production', url: 'https://api.botlhale.xyz' },
        { label: 'Production (api.botlhale.io)', url: 'https://api.botlhale.io' },
      ],
    },
    request: {
      method: 'POST',
      path: '/generateAuthToken',
      headers: {},
      auth: { type: 'basic', username: '{{apiKey}}', password: '{{apiKey}}', encoding: 'plain' },
      body: { type: 'multipart', fields: { REFRESH_TOKEN: '{{apiKey}}' } },
    },
    response: {
      successStatus: [200],
      token: 'AuthenticationResult.IdToken',
      expiry: { path: 'AuthenticationResult.ExpiresIn', kind: 'seconds' },
      save: {},
      mustBeTrue: [],
    },
    statusMessages: {},
    header: { name: 'Authorization', scheme: 'Bearer' },
  },
};
