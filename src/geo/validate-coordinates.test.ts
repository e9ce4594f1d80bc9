import { describe, it, expect } from 'vitest';
import { validateCoordinates } from './validate-coordinates.ts';

describe('validateCoordinates', () => {
  it('accepts normal coordinates', () => {
    expect(validateCoordinates(39.9042, 116.4074)).toEqual({ ok: true, value: { lat: 39.9042, lng: 116.4074 } });
    expect(validateCoordinates(-33.8688, 151.2093)).toEqual({ ok: true, value: { lat: -33.8688, lng: 151.2093 } });
    expect(validateCoordinates(90, 180).ok).toBe(true);
    expect(validateCoordinates(-90, -180).ok).toBe(true);
    expect(validateCoordinates(0, 10).ok).toBe(true);
    expect(validateCoordinates(10, 0).ok).toBe(true);
  });

  it.each([
    [Number.NaN, 116],
    [39, Number.NaN],
    [Number.POSITIVE_INFINITY, 116],
    [39, Number.NEGATIVE_INFINITY],
  ])('rejects (%s, %s) as not_a_number', (lat, lng) => {
    expect(validateCoordinates(lat, lng)).toEqual({ ok: false, problem: 'not_a_number' });
  });

  it.each([
    [116.4074, 39.9042],
    [-122.4194, 37.7749],
    [180, 0],
    [91, -90],
  ])('flags (%s, %s) as swapped', (lat, lng) => {
    expect(validateCoordinates(lat, lng)).toEqual({ ok: false, problem: 'swapped' });
  });

  it.each([
    [181, 10], // |lat| too large even as a longitude
    [100, 95], // would be out of range both ways
    [10, 181],
    [-10, -200],
    [-90.0001, 180.5],
    [0, 0], // null island
    [-0, 0],
  ])('rejects (%s, %s) as out_of_range', (lat, lng) => {
    expect(validateCoordinates(lat, lng)).toEqual({ ok: false, problem: 'out_of_range' });
  });
});
