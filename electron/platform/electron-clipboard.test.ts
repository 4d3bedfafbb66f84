import { expect, it, vi } from 'vitest';

const clipboard = vi.hoisted(() => ({ writeText: vi.fn(), readText: vi.fn(() => 'Authorization: Bearer abc') }));
vi.mock('electron', () => ({ clipboard }));

import { electronClipboard } from './electron-clipboard';

it("writes to the system clipboard only, never Linux's primary selection", () => {
  electronClipboard.writeText('Authorization: Bearer abc');
  expect(clipboard.writeText).toHaveBeenCalledExactlyOnceWith('Authorization: Bearer abc', 'clipboard');
});

it('reads back from the same system clipboard', () => {
  expect(electronClipboard.readText()).toBe('Authorization: Bearer abc');
  expect(clipboard.readText).toHaveBeenCalledWith('clipboard');
});
