import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('the ring buffer', () => {
  it('keeps the last `capacity` items, newest first', () => {
    const ring = new RingBuffer<number>(20);
    for (let i = 1; i <= 45; i++) ring.push(i);
    expect(ring.length).toBe(20);
    expect(ring.newestFirst()).toEqual(Array.from({ length: 20 }, (_, i) => 45 - i));
  });

  it('holds fewer items as they come', () => {
    const ring = new RingBuffer<string>(3);
    expect(ring.newestFirst()).toEqual([]);
    ring.push('a');
    ring.push('b');
    expect(ring.newestFirst()).toEqual(['b', 'a']);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
