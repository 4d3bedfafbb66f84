// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { IpcError } from '../keymint-client';
import { fakeKeymintClient, type FakeCalls } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView, vaultStatus } from '../testing/views';
import { ProviderForm } from './provider-form';

function renderForm(calls: FakeCalls, stored?: ReturnType<typeof providerView>) {
  const onDone = vi.fn();
  const fake = fakeKeymintClient({ vaultStatus: async () => vaultStatus(), ...calls });
  const { queryClient } = renderWithKeymint(<ProviderForm stored={stored} onDone={onDone} />, fake.client);
  return { onDone, queryClient };
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

function chooseTogai() {
  fireEvent.change(screen.getByLabelText('Preset'), { target: { value: 'togai' } });
}

describe('adding a provider', () => {
  it('choosing a preset shows its fields and fills in its base URL', () => {
    renderForm({});
    chooseTogai();
    expect(input('Base URL').value).toBe('https://api.togai.com');
    expect(input('API key').type).toBe('password');
    expect(screen.getByRole('button', { name: 'Sandbox' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Sandbox' }));
    expect(input('Base URL').value).toBe('https://sandbox-api.togai.com');
  });

  it('Save with fields missing names them beside their controls, focuses the first, and sends nothing', () => {
    const createProvider = vi.fn();
    renderForm({ createProvider });
    chooseTogai();
    save();
    expect(screen.getByText('Name is required.')).toBeTruthy();
    expect(screen.getByText('API key is required.')).toBeTruthy();
    expect(input('Name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('Name'));
    expect(createProvider).not.toHaveBeenCalled();
  });

  it('fixing a flagged field takes its message back', () => {
    renderForm({});
    chooseTogai();
    save();
    type('Name', 'Togai production');
    expect(screen.queryByText('Name is required.')).toBeNull();
    expect(screen.getByText('API key is required.')).toBeTruthy();
  });

  it('Save sends what was typed to createProvider, with the form’s request key, then closes', async () => {
    const createProvider = vi.fn(async (_: ChannelInput<'providers:create'>) => providerView());
    const { onDone } = renderForm({ createProvider });
    chooseTogai();
    type('Name', ' Togai production ');
    type('API key', 'tk_live_123');
    save();

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(createProvider).toHaveBeenCalledTimes(1);
    expect(createProvider.mock.calls[0]?.[0]).toEqual({
      presetId: 'togai',
      name: 'Togai production',
      baseUrl: 'https://api.togai.com',
      values: { apiKey: 'tk_live_123' },
      requestKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('shows main’s refusal in its own words and stays open to try again', async () => {
    const createProvider = vi.fn(async () => {
      throw new IpcError('invalid-input', 'A provider named Togai production already exists.');
    });
    const { onDone } = renderForm({ createProvider });
    chooseTogai();
    type('Name', 'Togai production');
    type('API key', 'tk_live_123');
    save();

    expect((await screen.findByRole('alert')).textContent).toBe('A provider named Togai production already exists.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false);
    expect(input('API key').value).toBe('tk_live_123');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('leaves "the vault is locked" to the unlock controls in the form instead of repeating it', async () => {
    const createProvider = vi.fn(async () => {
      throw new IpcError('locked', 'The vault is locked.');
    });
    const { queryClient } = renderForm({ createProvider, vaultStatus: async () => vaultStatus({ state: 'locked', slots: ['passphrase'] }) });
    expect(await screen.findByRole('heading', { name: 'Vault locked' })).toBeTruthy();
    chooseTogai();
    type('Name', 'Togai production');
    type('API key', 'tk_live_123');
    save();

    await vi.waitFor(() => expect(queryClient.getMutationCache().find({ mutationKey: ['providers:create'] })?.state.status).toBe('error'));
    expect(screen.queryByText('The vault is locked.')).toBeNull();
    expect(input('API key').value).toBe('tk_live_123');
  });
});

describe('editing a provider', () => {
  const stored = providerView({ secretsSet: { apiKey: true } });

  it('keeps the preset, and shows the stored secret only as unchanged, never its value', () => {
    renderForm({}, stored);
    expect(screen.getByLabelText<HTMLSelectElement>('Preset').disabled).toBe(true);
    expect(input('Name').value).toBe('Togai production');
    expect(input('API key').value).toBe('');
    expect(input('API key').placeholder).toBe('Unchanged');
  });

  it('Save sends only what changed: a stored secret left alone is not sent back', async () => {
    const updateProvider = vi.fn(async (_: ChannelInput<'providers:update'>) => providerView({ name: 'Togai live' }));
    const { onDone } = renderForm({ updateProvider }, stored);
    type('Name', 'Togai live');
    save();

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(updateProvider.mock.calls).toEqual([[{ id: 'p1', name: 'Togai live' }]]);
  });

  it('moving to another server asks for the secret again before sending anything', () => {
    const updateProvider = vi.fn();
    renderForm({ updateProvider }, stored);
    type('Base URL', 'https://togai.example.com');
    expect(screen.getByText('Changing the server means typing API key again.')).toBeTruthy();
    save();
    expect(screen.getByText('Type API key again.')).toBeTruthy();
    expect(updateProvider).not.toHaveBeenCalled();
  });
});
