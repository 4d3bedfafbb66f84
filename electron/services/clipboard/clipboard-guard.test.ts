import { describe, expect, it } from 'vitest';
import { CLIPBOARD_CLEAR_MS, guardedClipboard } from './clipboard-guard';

function setup() {
  let system = '';
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const clipboard = guardedClipboard(
    { writeText: (text) => void (system = text), readText: () => system },
    (ms, run) => {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  );
  return { clipboard, timers, system: () => system, userCopies: (text: string) => void (system = text) };
}

describe('copied headers clear themselves', () => {
  it('empties the clipboard after two minutes if it still holds the header', () => {
    const { clipboard, timers, system } = setup();
    clipboard.writeText('Authorization: Bearer t1');
    expect(timers.map((t) => t.ms)).toEqual([CLIPBOARD_CLEAR_MS]);
    timers[0]?.run();
    expect(system()).toBe('');
  });

  it('leaves alone whatever the user copied since', () => {
    const { clipboard, timers, system, userCopies } = setup();
    clipboard.writeText('Authorization: Bearer t1');
    userCopies('some code');
    timers[0]?.run();
    expect(system()).toBe('some code');
  });

  it('a new copy restarts the countdown', () => {
    const { clipboard, timers } = setup();
    clipboard.writeText('Authorization: Bearer t1');
    clipboard.writeText('Authorization: Bearer t2');
    expect(timers.map((t) => t.cancelled)).toEqual([true, false]);
  });
});

describe('clearing on request (the vault locks, the app quits)', () => {
  it('empties the clipboard at once if it still holds the header, and stops the countdown', () => {
    const { clipboard, timers, system } = setup();
    clipboard.writeText('Authorization: Bearer t1');
    clipboard.clearOwn();
    expect(system()).toBe('');
    expect(timers.map((t) => t.cancelled)).toEqual([true]);
  });

  it('leaves alone whatever the user copied since', () => {
    const { clipboard, system, userCopies } = setup();
    clipboard.writeText('Authorization: Bearer t1');
    userCopies('some code');
    clipboard.clearOwn();
    expect(system()).toBe('some code');
  });

  it('touches nothing when Keymint has copied nothing, or its copy was already cleared', () => {
    const { clipboard, timers, system, userCopies } = setup();
    userCopies('');
    clipboard.clearOwn();
    userCopies('notes');
    clipboard.clearOwn();
    expect(system()).toBe('notes');
    clipboard.writeText('Authorization: Bearer t1');
    timers[0]?.run();
    userCopies('Authorization: Bearer t1');
    clipboard.clearOwn();
    expect(system()).toBe('Authorization: Bearer t1');
  });
});
