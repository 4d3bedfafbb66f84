import { describe, expect, it } from 'vitest';
import { placeholders, renderTemplate, rendersEmpty, type Lookup } from './template';

const values: Record<string, string> = { apiKey: 'k-123', tenant: 'gh', empty: '', 'saved.subject': 'sub-1', tricky: '{{apiKey}}' };
const lookup: Lookup = (name) => values[name];

describe('placeholders', () => {
  it('lists each placeholder in order as its alternatives, spaces trimmed', () => {
    expect(placeholders('/{{tenant}}/x/{{ saved.subject | apiKey }}')).toEqual([['tenant'], ['saved.subject', 'apiKey']]);
    expect(placeholders('no placeholders {here}')).toEqual([]);
    expect(placeholders('{{}} and {{ a|b|c }}')).toEqual([['a', 'b', 'c']]);
  });
});

describe('renderTemplate', () => {
  it('substitutes values', () => {
    expect(renderTemplate('Bearer {{apiKey}}', lookup)).toBe('Bearer k-123');
    expect(renderTemplate('static', lookup)).toBe('static');
  });

  it('takes the first alternative that is set and not empty', () => {
    expect(renderTemplate('{{empty|missing|tenant|apiKey}}', lookup)).toBe('gh');
    expect(renderTemplate('{{saved.subject|apiKey}}', lookup)).toBe('sub-1');
    expect(renderTemplate('{{missing|empty}}', lookup)).toBe('');
  });

  it('renders an unknown name as nothing', () => {
    expect(renderTemplate('a{{missing}}b', lookup)).toBe('ab');
  });

  it('encodes values, not the template around them', () => {
    const render = (tenant: string) => renderTemplate('/{{tenant}}/admin', (n) => (n === 'tenant' ? tenant : undefined), encodeURIComponent);
    expect(render('a/b?c=d#e')).toBe('/a%2Fb%3Fc%3Dd%23e/admin');
    expect(render('gh')).toBe('/gh/admin');
  });

  it('never expands placeholders that come from a value', () => {
    expect(renderTemplate('{{tricky}}', lookup)).toBe('{{apiKey}}');
  });
});

describe('rendersEmpty', () => {
  it('is true only when there are placeholders and all resolve to nothing', () => {
    expect(rendersEmpty('{{empty}}', lookup)).toBe(true);
    expect(rendersEmpty('{{missing}}{{empty}}', lookup)).toBe(true);
    expect(rendersEmpty('{{missing}}{{tenant}}', lookup)).toBe(false);
    expect(rendersEmpty('client_credentials', lookup)).toBe(false);
    expect(rendersEmpty('', lookup)).toBe(false);
  });
});
