import { describe, expect, it } from 'vitest';
import { locationVerdict } from '../../core/checkins/evaluate-location.ts';
import { pageScript, verdictScript } from './page-script.ts';

describe('the location page’s live verdict', () => {
  // The page's script runs in the browser; its verdict is evaluated here as the browser would.
  const pageVerdict = new Function(`${verdictScript}\nreturn verdict;`)() as (d: number, accuracy: number, radius: number) => string;

  it('gives the core’s answer for every distance, accuracy and radius', () => {
    const distances = [0, 100, 499, 500, 501, 900, 1500, 2000, 2600, 10_000];
    const accuracies = [0, 5, 100, 499, 500, 501, 1000, 1500, 5000];
    for (const radius of [100, 500, 1000]) {
      for (const d of distances) {
        for (const accuracy of accuracies) expect([d, accuracy, radius, pageVerdict(d, accuracy, radius)]).toEqual([d, accuracy, radius, locationVerdict(d, accuracy, radius)]);
      }
    }
  });

  it('is the function the page uses for its "within the radius" line', () => {
    expect(pageScript).toContain(verdictScript);
    expect(pageScript).toContain('verdict(d, position.accuracy, radius)');
  });
});
