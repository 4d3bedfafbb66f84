import { EventEmitter } from 'node:events';
import { expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ powerMonitor: undefined as unknown as import('node:events').EventEmitter }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  electron.powerMonitor = new Emitter();
  return electron;
});

import { onElectronSystemLock } from './electron-system-lock';

it('calls back when the screen locks or the machine suspends, and stops after unsubscribing', () => {
  const listener = vi.fn();
  const stop = onElectronSystemLock(listener);
  const monitor: EventEmitter = electron.powerMonitor;
  monitor.emit('lock-screen');
  monitor.emit('suspend');
  monitor.emit('resume');
  expect(listener).toHaveBeenCalledTimes(2);
  stop();
  monitor.emit('lock-screen');
  expect(listener).toHaveBeenCalledTimes(2);
  expect(monitor.listenerCount('suspend')).toBe(0);
});
