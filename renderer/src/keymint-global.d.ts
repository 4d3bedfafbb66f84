import type { KeymintApi } from '../../shared/ipc/keymint-api';

declare global {
  interface Window {
    /** Supplied by the preload (or the e2e browser host); absent when the page is opened on its own. */
    readonly keymint?: KeymintApi;
  }
}

export {};
