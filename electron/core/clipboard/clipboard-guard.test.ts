import { describe, expect, it } from 'vitest';
import type { ClipboardPort } from '../ports';
import { CLIPBOARD_CLEAR_MS, guardedClipboard } from './clipboard-guard';

/** An asynchronous system clipboard, like Electron's since 44: each call settles on a later turn. */
function setup(delay: () => number | null = () => CLIPBOARD_CLEAR_MS) {
  let system = '';
  let failNextWrite = false;
  const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const port: ClipboardPort = {
    async writeText(text) {
      await later();
      if (failNextWrite) {
        failNextWrite = false;
        throw new Error('clipboard busy');
      }
      system = text;
    },
    async readText() {
      await later();
      return system;
    },
  };
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const clipboard = guardedClipboard(port, (ms, run) => {
    const timer = { ms, run, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  }, delay);
  /** Runs a timer's clear and waits for it (the timer itself cannot await). */
  const fire = async (index: number) => {
    timers[index]?.run();
    await clipboard.clearOwn();
  };
  return {
    clipboard,
    timers,
    fire,
    system: () => system,
    userCopies: (text: string) => void (system = text),
    failNextWrite: () => void (failNextWrite = true),
  };
}

describe('copied headers clear themselves', () => {
  it('empties the clipboard after a minute (the default) if it still holds the header', async () => {
    const { clipboard, timers, fire, system } = setup();
    await clipboard.writeText('Authorization: Bearer t1');
    expect(system()).toBe('Authorization: Bearer t1');
    expect(timers.map((t) => t.ms)).toEqual([CLIPBOARD_CLEAR_MS]);
    await fire(0);
    expect(system()).toBe('');
  });

  it('leaves alone whatever the user copied since', async () => {
    const { clipboard, fire, system, userCopies } = setup();
    await clipboard.writeText('Authorization: Bearer t1');
    userCopies('some code');
    await fire(0);
    expect(system()).toBe('some code');
  });

  it('a new copy restarts the countdown', async () => {
    const { clipboard, timers } = setup();
    await clipboard.writeText('Authorization: Bearer t1');
    await clipboard.writeText('Authorization: Bearer t2');
    expect(timers.map((t) => t.cancelled)).toEqual([true, false]);
  });

  it('a write that fails rejects and leaves the previous copy and its countdown as they were', async () => {
    const { clipboard, timers, fire, system, failNextWrite } = setup();
    await clipboard.writeText('Authorization: Bearer t1');
    failNextWrite();
    await expect(clipboard.writeText('Authorization: Bearer t2')).rejects.toThrow('clipboard busy');
    expect(timers.map((t) => t.cancelled)).toEqual([false]);
    await fire(0);
    expect(system()).toBe('');
  });
});

describe('clearing on request (the vault locks, the app quits)', () => {
  it('empties the clipboard at once if it still holds the header, and stops the countdown', async () => {
    const { clipboard, timers, system } = setup();
    await clipboard.writeText('Authorization: Bearer t1');
    await clipboard.clearOwn();
    expect(system()).toBe('');
    expect(timers.map((t) => t.cancelled)).toEqual([true]);
  });

  it('a lock that arrives while a copy is being written clears that copy once it lands', async () => {
    const { clipboard, system } = setup();
    const copying = clipboard.writeText('Authorization: Bearer t1');
    const clearing = clipboard.clearOwn();
    await Promise.all([copying, clearing]);
    expect(system()).toBe('');
  });

  it('leaves alone whatever the user copied since', async () => {
    const { clipboard, system, userCopies } = setup();
    await clipboard.writeText('Authorization: Bearer t1');
    userCopies('some code');
    await clipboard.clearOwn();
    expect(system()).toBe('some code');
  });

  it('touches nothing when Keymint has copied nothing, or its copy was already cleared', async () => {
    const { clipboard, fire, system, userCopies } = setup();
    userCopies('');
    await clipboard.clearOwn();
    userCopies('notes');
    await clipboard.clearOwn();
    expect(system()).toBe('notes');
    await clipboard.writeText('Authorization: Bearer t1');
    await fire(0);
    userCopies('Authorization: Bearer t1');
    await clipboard.clearOwn();
    expect(system()).toBe('Authorization: Bearer t1');
  });

  it('waits the delay set at the time of each copy', async () => {
    let seconds = 5;
    const { clipboard, timers, fire, system } = setup(() => seconds * 1000);
    await clipboard.writeText('Authorization: Bearer t1');
    seconds = 90;
    await clipboard.writeText('Authorization: Bearer t2');
    expect(timers.map((t) => t.ms)).toEqual([5000, 90_000]);
    await fire(1);
    expect(system()).toBe('');
  });

  it('never clears on a timer when the delay is never, yet still clears on lock or quit', async () => {
    const { clipboard, timers, system } = setup(() => null);
    await clipboard.writeText('Authorization: Bearer t1');
    expect(timers).toEqual([]);
    expect(system()).toBe('Authorization: Bearer t1');
    await clipboard.clearOwn();
    expect(system()).toBe('');
  });

  it('never rejects, even when the clipboard cannot be read', async () => {
    const clipboard = guardedClipboard(
      { writeText: async () => undefined, readText: () => Promise.reject(new Error('no display')) },
      () => () => undefined,
    );
    await clipboard.writeText('Authorization: Bearer t1');
    await expect(clipboard.clearOwn()).resolves.toBeUndefined();
  });
});
