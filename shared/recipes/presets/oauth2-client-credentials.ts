import type { Preset } from './preset';

/** RFC 6749 §4.4. Client authentication defaults to HTTP Basic (§2.3.1: id and secret are
 * form-urlencoded before base64); "In the request body" sends them as form fields instead. */
export const oauth2ClientCredentials: Preset = {
  id: 'oauth2-client-credentials',
  label: 'OAuth 2.0 client credentials',
  recipe: {
    name: 'OAuth 2.0 client credentials',
    fields: [
      { key: 'clientId', label: 'Client ID', secret: false, required: true },
      { key: 'clientSecret', label: 'Client secret', secret: true, required: true },
      { key: 'scope', label: 'Scope', secret: false, required: false, help: 'Space-separated scopes, if the server wants any.' },
      { key: 'audience', label: 'Audience', secret: false, required: false, help: 'Some servers (Auth0, for one) require it.' },
      {
        key: 'clientAuth',
        label: 'Client authentication',
        secret: false,
        required: true,
        default: 'basic',
        choices: [{ value: 'basic', label: 'HTTP Basic' }, { value: 'body', label: 'In the request body' }],
      },
    ],
    together: [],
    baseUrl: { label: 'Token URL', alternatives: [] },
    request: {
      method: 'POST',
      path: '',
      headers: { Accept: 'application/json' },
      auth: {
        type: 'basic',
        username: '{{clientId}}',
        password: '{{clientSecret}}',
        encoding: 'form-urlencoded',
        when: { field: 'clientAuth', equals: 'basic' },
      },
      body: {
        type: 'form',
        fields: {
          grant_type: 'client_credentials',
          scope: '{{scope}}',
          audience: '{{audience}}',
          client_id: { value: '{{clientId}}', when: { field: 'clientAuth', equals: 'body' } },
          client_secret: { value: '{{clientSecret}}', when: { field: 'clientAuth', equals: 'body' } },
        },
      },
    },
    response: { successStatus: [200], token: 'access_token', expiry: { path: 'expires_in', kind: 'seconds' }, save: {}, mustBeTrue: [] },
    statusMessages: {},
    header: { name: 'Authorization', scheme: 'Bearer' },
  },
};
