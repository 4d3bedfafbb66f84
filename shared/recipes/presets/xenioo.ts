import type { Preset } from './preset';

/** ../shared/seeds/001: JSON to the bot's own service endpoint (so no default base URL);
 * `expires` is in minutes; older docs spell the fields Token/Expires (paths match any case). */
export const xenioo: Preset = {
  id: 'xenioo',
  label: 'Xenioo',
  recipe: {
    name: 'Xenioo',
    fields: [
      {
        key: 'accountApiKey',
        label: 'Account API key',
        secret: true,
        required: true,
        help: 'Your profile, in your Xenioo account details.',
      },
      {
        key: 'botApiKey',
        label: 'Bot API key',
        secret: true,
        required: false,
        help: 'Only for a bot-level token: Settings > Developers of the bot.',
      },
      { key: 'botApiSecret', label: 'Bot API secret', secret: true, required: false, help: 'Given together with the bot API key.' },
    ],
    together: [['botApiKey', 'botApiSecret']],
    baseUrl: { label: 'Base URL', alternatives: [] },
    request: {
      method: 'POST',
      path: '/authorization/integration',
      headers: {},
      auth: { type: 'none' },
      body: { type: 'json', fields: { AccountAPIKey: '{{accountApiKey}}', BotAPIKey: '{{botApiKey}}', BotAPISecret: '{{botApiSecret}}' } },
    },
    response: { successStatus: [200], token: 'token', expiry: { path: 'expires', kind: 'minutes' }, save: {}, mustBeTrue: [] },
    statusMessages: {
      '400': 'Xenioo says the request is incomplete: the account API key is required, and the bot API key and secret go together.',
      '403': 'Xenioo refused: this account API key belongs to a free account or to one that is not allowed to integrate with the Global Platform API.',
      '404': 'Xenioo did not find this account API key.',
    },
    header: { name: 'Authorization', scheme: 'Bearer' },
  },
};
