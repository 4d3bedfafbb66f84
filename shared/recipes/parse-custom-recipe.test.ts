import { describe, expect, it } from 'vitest';
import { parseCustomRecipe } from './parse-custom-recipe';

describe('a custom recipe with mistakes', () => {
  it('names each bad field and says what was expected', () => {
    const result = parseCustomRecipe(JSON.stringify({ name: 'x', request: { body: { type: 'xml' } }, response: {} }));
    expect(result).toEqual({
      ok: false,
      errors: [
        "request.body.type: Invalid discriminator value. Expected 'none' | 'json' | 'form' | 'multipart'",
        'response.token: expected a path such as "access_token" or "data.token", or a list of such paths',
      ],
    });
  });
});
