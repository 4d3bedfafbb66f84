import type { Preset } from './preset';

/** ../shared/seeds/004: tenant and API client live in the URL path; success is 201 (200 has
 * been seen); the JWT's `exp` gives the hour-long expiry; `enabled: false` means disabled. */
export const welkin: Preset = {
  id: 'welkin',
  label: 'Welkin',
  recipe: {
    name: 'Welkin',
    fields: [
      { key: 'tenant', label: 'Tenant', secret: false, required: true, help: 'The first part of the URL, e.g. "gh".' },
      { key: 'apiClient', label: 'API client', secret: false, required: true, help: 'The API client name, e.g. "VBOPNRYRWJIP".' },
      { key: 'secret', label: 'Secret', secret: true, required: true },
    ],
    together: [],
    baseUrl: {
      label: 'Base URL',
      default: 'https://api.live.welkincloud.io',
      alternatives: [{ label: 'Live', url: 'https://api.live.welkincloud.io' }, { label: 'Staging', url: 'https://api.stg.welkincloud.io' }],
    },
    request: {
      method: 'POST',
      path: '/{{tenant}}/admin/api_clients/{{apiClient}}',
      headers: {},
      auth: { type: 'none' },
      body: { type: 'json', fields: { secret: '{{secret}}' } },
    },
    response: {
      successStatus: [201, 200],
      token: 'token',
      save: {},
      mustBeTrue: [
        { path: 'enabled', message: 'Welkin says this API client is disabled. Enable it in the Welkin Admin app, then try again.' },
      ],
    },
    statusMessages: {},
    header: { name: 'Authorization', scheme: 'Bearer' },
  },
};
