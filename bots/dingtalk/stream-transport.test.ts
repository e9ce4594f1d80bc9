import { describe, expect, it } from 'vitest';
import { defaultReconnectPolicy, reconnectDelayMs } from './stream-transport.ts';

describe('reconnectDelayMs', () => {
  it('doubles from one second to a one-minute cap, with ±20 % jitter', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => reconnectDelayMs(n, defaultReconnectPolicy, mid))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(reconnectDelayMs(1, defaultReconnectPolicy, () => 0)).toBe(800);
    expect(reconnectDelayMs(30, defaultReconnectPolicy, () => 1)).toBe(72_000);
  });
});
