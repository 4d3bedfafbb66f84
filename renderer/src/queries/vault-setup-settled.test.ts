import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { vaultSetupSettled } from './vault-setup-settled';

describe('waiting for a vault set-up in progress', () => {
  it('resolves at once when none is running', async () => {
    await expect(vaultSetupSettled(new QueryClient())).resolves.toBeUndefined();
  });

  it('resolves only after the running set-up has finished', async () => {
    const client = new QueryClient();
    const events: string[] = [];
    let finish: () => void = () => undefined;
    const setup = client
      .getMutationCache()
      .build(client, { mutationKey: ['vault:setup'], mutationFn: () => new Promise<void>((resolve) => (finish = resolve)) })
      .execute(undefined);
    const waiting = vaultSetupSettled(client).then(() => events.push('save sent'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    events.push('set-up answered');
    finish();
    await Promise.all([setup, waiting]);
    expect(events).toEqual(['set-up answered', 'save sent']);
  });
});
