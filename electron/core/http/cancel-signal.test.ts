import { describe, expect, it } from 'vitest';
import { Cancel } from './cancel-signal';
import { startBudget } from './request-budget';

describe('a request’s cancel', () => {
  it('runs each listener once, on the first abort, and keeps the reason', () => {
    const cancel = new Cancel();
    const heard: string[] = [];
    const gone = () => heard.push('removed');
    cancel.addEventListener('abort', () => heard.push('a'));
    cancel.addEventListener('abort', gone);
    cancel.removeEventListener('abort', gone);
    cancel.abort('edited');
    cancel.abort('again');
    expect(heard).toEqual(['a']);
    expect(cancel).toMatchObject({ aborted: true, reason: 'edited' });
  });

  it('reaches every listener even when one throws, then reports that error', () => {
    const cancel = new Cancel();
    const heard: string[] = [];
    cancel.addEventListener('abort', () => {
      throw new Error('a faulty listener');
    });
    cancel.addEventListener('abort', () => heard.push('b'));
    expect(() => cancel.abort()).toThrow('a faulty listener');
    expect(heard).toEqual(['b']);
    expect(cancel.aborted).toBe(true);
  });

  it('stops the request budget it is given, as a cancel and not a timeout', () => {
    const cancel = new Cancel();
    const budget = startBudget({ timeoutMs: 60_000, signal: cancel });
    expect(budget.signal.aborted).toBe(false);
    cancel.abort();
    expect(budget.signal.aborted).toBe(true);
    expect(budget.stopped('api.example.com')?.kind).toBe('cancelled');
    budget.end();
  });
});
