import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { haversineMeters } from './distance.ts';

describe('haversineMeters', () => {
  it('gives 0 for identical points', () => {
    expect(haversineMeters({ lat: 39.9, lng: 116.4 }, { lat: 39.9, lng: 116.4 })).toBe(0);
  });

  it('gives ≈111,195 m for one degree of latitude (±1 m)', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111195, -1);
    expect(Math.abs(haversineMeters({ lat: 30, lng: 120 }, { lat: 31, lng: 120 }) - 111195)).toBeLessThan(1);
  });

  it('gives Beijing–Shanghai ≈ 1,067 km within 1%', () => {
    const d = haversineMeters({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 });
    expect(Math.abs(d - 1_067_000) / 1_067_000).toBeLessThan(0.01);
  });

  it('gives half the circumference for antipodes', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371008.8, 3);
  });

  it('is symmetric and non-negative', () => {
    const pt = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        const d = haversineMeters(a, b);
        return d >= 0 && Math.abs(d - haversineMeters(b, a)) < 1e-6;
      }),
    );
  });
});
