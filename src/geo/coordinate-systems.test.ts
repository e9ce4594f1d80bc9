import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gcj02ToWgs84, isOutsideChina, toWgs84, wgs84ToGcj02, type LatLng } from './coordinate-systems.ts';
import { haversineMeters } from './distance.ts';

/** Points inside the China box, kept 0.02° from its edges so GCJ output stays inside too. */
const inChinaBox = fc.record({
  lat: fc.double({ min: 0.8493, max: 55.8071, noNaN: true }),
  lng: fc.double({ min: 72.024, max: 137.8147, noNaN: true }),
});

const CITIES: Record<string, LatLng> = {
  Beijing: { lat: 39.9042, lng: 116.4074 },
  Shanghai: { lat: 31.2304, lng: 121.4737 },
  Guangzhou: { lat: 23.1291, lng: 113.2644 },
  Shenzhen: { lat: 22.5431, lng: 114.0579 },
  Chengdu: { lat: 30.5728, lng: 104.0668 },
  Urumqi: { lat: 43.8256, lng: 87.6168 },
  Harbin: { lat: 45.8038, lng: 126.5349 },
  Lhasa: { lat: 29.65, lng: 91.1 },
  Kunming: { lat: 25.0389, lng: 102.7183 },
  Sanya: { lat: 18.2528, lng: 109.512 },
  Lanzhou: { lat: 36.0611, lng: 103.8343 },
};

describe('wgs84ToGcj02', () => {
  it('matches the coordtransform/eviltransform reference vector (tolerance 1e-12°)', () => {
    // wandergis/coordtransform README: wgs84togcj02(116.404, 39.915) → [116.41024449916938, 39.91640428150164]
    const g = wgs84ToGcj02({ lat: 39.915, lng: 116.404 });
    expect(Math.abs(g.lat - 39.91640428150164)).toBeLessThan(1e-12);
    expect(Math.abs(g.lng - 116.41024449916938)).toBeLessThan(1e-12);
  });

  it('shifts Tiananmen (39.9087, 116.3975) to ≈ (39.91010, 116.40374) within 1e-5° (~1 m)', () => {
    const g = wgs84ToGcj02({ lat: 39.9087, lng: 116.3975 });
    expect(Math.abs(g.lat - 39.9101)).toBeLessThan(1e-5);
    expect(Math.abs(g.lng - 116.40374)).toBeLessThan(1e-5);
  });

  it('is the identity outside China', () => {
    for (const p of [
      { lat: 37.7749, lng: -122.4194 }, // San Francisco
      { lat: 51.5074, lng: -0.1278 }, // London
      { lat: -33.8688, lng: 151.2093 }, // Sydney
      { lat: 35.6762, lng: 139.6503 }, // Tokyo (east of the box)
    ]) {
      expect(isOutsideChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    }
  });

  it.each(Object.entries(CITIES))('offsets %s by 100–700 m', (_name, p) => {
    expect(isOutsideChina(p)).toBe(false);
    const d = haversineMeters(p, wgs84ToGcj02(p));
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(700);
  });

  it('offsets by 100–700 m anywhere in eastern/central China (20–45°N, 100–125°E)', () => {
    const east = fc.record({
      lat: fc.double({ min: 20, max: 45, noNaN: true }),
      lng: fc.double({ min: 100, max: 125, noNaN: true }),
    });
    fc.assert(
      fc.property(east, (p) => {
        const d = haversineMeters(p, wgs84ToGcj02(p));
        return d > 100 && d < 700;
      }),
      { numRuns: 2000 },
    );
  });

  it('never offsets by more than 750 m anywhere in the box (dips to ~40 m in Qinghai)', () => {
    fc.assert(
      fc.property(inChinaBox, (p) => {
        const d = haversineMeters(p, wgs84ToGcj02(p));
        return d > 0 && d < 750;
      }),
      { numRuns: 2000 },
    );
    // Known low-offset region: Qaidam basin.
    expect(haversineMeters({ lat: 37, lng: 96.5 }, wgs84ToGcj02({ lat: 37, lng: 96.5 }))).toBeLessThan(100);
  });
});

describe('gcj02ToWgs84', () => {
  it('inverts the reference vector exactly (1e-9°) and is within 1e-5° of the one-step approximation', () => {
    const w = gcj02ToWgs84({ lat: 39.915, lng: 116.404 });
    const back = wgs84ToGcj02(w);
    expect(Math.abs(back.lat - 39.915)).toBeLessThan(1e-9);
    expect(Math.abs(back.lng - 116.404)).toBeLessThan(1e-9);
    // coordtransform one-step gcj02towgs84(116.404, 39.915) → [116.39775550083061, 39.91359571849836]
    expect(Math.abs(w.lat - 39.91359571849836)).toBeLessThan(1e-5);
    expect(Math.abs(w.lng - 116.39775550083061)).toBeLessThan(1e-5);
  });

  it('round-trips WGS→GCJ→WGS to < 0.01 m across the China box', () => {
    fc.assert(
      fc.property(inChinaBox, (p) => haversineMeters(p, gcj02ToWgs84(wgs84ToGcj02(p))) < 0.01),
      { numRuns: 5000 },
    );
  });

  it('round-trips GCJ→WGS→GCJ to < 0.01 m across the China box', () => {
    fc.assert(
      fc.property(inChinaBox, (g) => haversineMeters(g, wgs84ToGcj02(gcj02ToWgs84(g))) < 0.01),
      { numRuns: 5000 },
    );
  });
});

describe('toWgs84', () => {
  it('passes WGS-84 through and converts GCJ-02', () => {
    const wgs = { lat: 31.2304, lng: 121.4737 };
    const gcj = wgs84ToGcj02(wgs);
    expect(toWgs84(wgs, 'wgs84')).toEqual(wgs);
    expect(haversineMeters(toWgs84(gcj, 'gcj02'), wgs)).toBeLessThan(0.01);
  });
});

describe('isOutsideChina', () => {
  it('uses the standard bounding box', () => {
    expect(isOutsideChina({ lat: 39.9, lng: 116.4 })).toBe(false);
    expect(isOutsideChina({ lat: 30, lng: 72.003 })).toBe(true);
    expect(isOutsideChina({ lat: 30, lng: 137.8348 })).toBe(true);
    expect(isOutsideChina({ lat: 0.8292, lng: 110 })).toBe(true);
    expect(isOutsideChina({ lat: 55.8272, lng: 110 })).toBe(true);
  });
});
