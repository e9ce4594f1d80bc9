import type { Catalogue } from './i18n/catalogue.ts';
import type { CheckInResult } from '../core/checkins/record-check-in.ts';
import type { ReportedLocation } from './types.ts';

/**
 * What the rep is told after a check-in, whichever way it arrived (chat or location page): a forgotten
 * visit closed first, the status with the distance, an accuracy warning.
 */
export function checkInSummaryLines(
  t: Catalogue,
  input: { customerName: string; result: CheckInResult; location: ReportedLocation | undefined; radiusMeters: number },
): string[] {
  const { result, location, radiusMeters: radius } = input;
  const customer = input.customerName;
  const { evaluation } = result;
  const lines: string[] = [];
  if (result.closedPrevious) {
    lines.push(t.previousVisitClosed({ customer: result.closedPrevious.customerName, duration: result.closedPrevious.durationMinutes }));
  }
  if (evaluation.status === 'verified') lines.push(t.checkInVerified({ customer, distance: evaluation.distanceMeters ?? 0 }));
  else if (evaluation.status === 'outside') {
    lines.push(t.checkInOutside({ customer, distance: evaluation.distanceMeters ?? 0, radius, managerSees: result.managerSees ?? false }));
  } else if (evaluation.unverifiedReason === 'imprecise') {
    lines.push(t.checkInUnverifiedImprecise({ customer, accuracy: location?.accuracy ?? 0, radius }));
  } else if (location) lines.push(t.checkInUnverifiedNoPosition({ customer }));
  else lines.push(t.checkInUnverifiedNoLocation({ customer }));
  // An imprecise fix already says so above; elsewhere (outside, or no customer position) the note stays.
  if (evaluation.accuracyFlagged && evaluation.unverifiedReason !== 'imprecise' && location?.accuracy !== undefined) {
    lines.push(t.accuracyFlag({ accuracy: location.accuracy, radius }));
  }
  return lines;
}
