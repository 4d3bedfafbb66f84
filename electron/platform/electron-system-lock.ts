import { powerMonitor } from 'electron';
import type { OnSystemLock } from '../core';

/** The screen locking and the machine suspending, as password managers listen for them. */
const SYSTEM_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

export const onElectronSystemLock: OnSystemLock = (listener) => {
  for (const event of SYSTEM_LOCK_EVENTS) powerMonitor.on(event as 'lock-screen', listener);
  return () => {
    for (const event of SYSTEM_LOCK_EVENTS) powerMonitor.off(event as 'lock-screen', listener);
  };
};
