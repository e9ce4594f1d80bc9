import { describe, expect, it } from 'vitest';
import { evaluateLocation, isImprecise, locationVerdict } from './evaluate-location.ts';

const customer = { lat: 22.54, lng: 113.95 };
/** About 2 km north of the customer. */
const twoKmAway = { lat: 22.558, lng: 113.95 };

describe('a fix less precise than the radius', () => {
  it('never verifies: ±1.5 km at the very door of the customer is unverified (imprecise)', () => {
    const evaluation = evaluateLocation(customer, { ...customer, system: 'wgs84', accuracy: 1500 }, 500);
    expect(evaluation).toMatchObject({ status: 'unverified', unverifiedReason: 'imprecise', accuracyFlagged: true, distanceMeters: 0 });
  });

  it('is still outside when even the nearest point of its circle is beyond the radius', () => {
    // 2 km away ± 1 km: at best 1 km from the customer, still outside 500 m.
    expect(evaluateLocation(customer, { ...twoKmAway, system: 'wgs84', accuracy: 1000 }, 500)).toMatchObject({ status: 'outside', accuracyFlagged: true });
    // 2 km away ± 1.8 km: could be 200 m from the customer, so it proves neither.
    expect(evaluateLocation(customer, { ...twoKmAway, system: 'wgs84', accuracy: 1800 }, 500)).toMatchObject({ status: 'unverified', unverifiedReason: 'imprecise' });
  });

  it('keeps today’s verdicts for a fix as precise as the radius or better, or without an accuracy', () => {
    expect(evaluateLocation(customer, { ...customer, system: 'wgs84', accuracy: 500 }, 500)).toMatchObject({ status: 'verified', accuracyFlagged: false });
    expect(evaluateLocation(customer, { ...customer, system: 'wgs84' }, 500)).toMatchObject({ status: 'verified', accuracyFlagged: false });
    expect(evaluateLocation(customer, { ...twoKmAway, system: 'wgs84', accuracy: 20 }, 500).status).toBe('outside');
  });

  it('says why a check-in is unverified', () => {
    expect(evaluateLocation(customer, undefined, 500).unverifiedReason).toBe('noLocation');
    expect(evaluateLocation(null, { ...customer, system: 'wgs84', accuracy: 10 }, 500).unverifiedReason).toBe('noCustomerPosition');
  });

  it('has one threshold: strictly wider than the radius', () => {
    expect(isImprecise(undefined, 500)).toBe(false);
    expect(isImprecise(500, 500)).toBe(false);
    expect(isImprecise(500.1, 500)).toBe(true);
    expect(locationVerdict(0, 501, 500)).toBe('imprecise');
    expect(locationVerdict(499, 20, 500)).toBe('verified');
    expect(locationVerdict(501, 20, 500)).toBe('outside');
  });
});
