import { expect, it } from 'vitest';
import { developmentOverrides } from './development-overrides';

const env = {
  KEYMINT_USER_DATA_DIR: '/tmp/data',
  KEYMINT_SAVE_DIR: '/tmp/saved',
  KEYMINT_KEYCHAIN_FILE: '/tmp/key',
  KEYMINT_RECORD_IPC: '1',
  KEYMINT_OWNER_ANSWER: 'yes',
};

it('honours every test hook in an unpackaged app', () => {
  expect(developmentOverrides(false, env)).toStrictEqual({
    userDataDir: '/tmp/data',
    saveDir: '/tmp/saved',
    keychainFile: '/tmp/key',
    recordIpc: true,
    ownerAnswer: true,
  });
});

it('honours none of them in a packaged app', () => {
  expect(developmentOverrides(true, env)).toStrictEqual({ recordIpc: false });
});

it('treats unset or empty variables as not set', () => {
  expect(developmentOverrides(false, { KEYMINT_USER_DATA_DIR: '', KEYMINT_RECORD_IPC: 'yes' })).toEqual({
    userDataDir: undefined,
    saveDir: undefined,
    keychainFile: undefined,
    recordIpc: false,
  });
});
