import { expect, it, vi } from 'vitest';

const clipboard = vi.hoisted(() => ({ writeText: vi.fn() }));
vi.mock('electron', () => ({ clipboard }));

import { electronClipboard } from './electron-clipboard';

it("writes to the system clipboard only, never Linux's primary selection", () => {
  electronClipboard.writeText('Authorization: Bearer abc');
  expect(clipboard.writeText).toHaveBeenCalledExactlyOnceWith('Authorization: Bearer abc', 'clipboard');
});
