// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { vaultStatus } from '../testing/views';
import { AddProviderButton } from './provider-form-dialog';

describe('Add provider', () => {
  it('opened with Ctrl+N from the page and closed again, leaves focus on its button rather than on the page', async () => {
    const fake = fakeKeymintClient({ listProviders: async () => [], vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<AddProviderButton />, fake.client);
    const button = screen.getByRole('button', { name: 'Add provider' });
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement === button).toBe(false);

    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button));
  });
});
