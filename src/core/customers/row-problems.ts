/**
 * The problems a customer sheet's row can have (src/core/customers/import-customers.ts), as data so
 * the console can word them in the reader's language, and in English for the CLI and the API.
 */
/** What is wrong with one row, as data: the console words it in the reader's language. */
export type RowProblem =
  | { kind: 'nameEmpty' }
  | { kind: 'nameTooLong' }
  | { kind: 'badTier'; value: string }
  | { kind: 'badSystem'; value: string }
  | { kind: 'latWithoutLng' }
  | { kind: 'lngWithoutLat' }
  | { kind: 'badPosition'; lat: string; lng: string; why: 'not_a_number' | 'out_of_range' | 'swapped' }
  | { kind: 'duplicateName'; name: string; line: number }
  | { kind: 'unknownOwner'; owner: string }
  | { kind: 'ambiguousOwner'; owner: string; count: number }
  /** The reader could not parse the record (its own words, such as csv-parse's). */
  | { kind: 'unreadable'; detail: string }
  | { kind: 'refusedByDatabase'; detail: string };

/** A problem in English, as the CLI prints it and the API returns it. */
export function describeRowProblem(problem: RowProblem): string {
  switch (problem.kind) {
    case 'nameEmpty':
      return 'name is empty';
    case 'nameTooLong':
      return 'name is longer than 200 characters';
    case 'badTier':
      return `tier "${problem.value}" is not A, B or C`;
    case 'badSystem':
      return `coordinate system "${problem.value}" is not wgs84 or gcj02`;
    case 'latWithoutLng':
      return 'lat without lng';
    case 'lngWithoutLat':
      return 'lng without lat';
    case 'badPosition': {
      const why = { not_a_number: 'are not numbers', out_of_range: 'are out of range', swapped: 'look swapped (latitude first)' };
      return `lat/lng ${problem.lat}, ${problem.lng} ${why[problem.why]}`;
    }
    case 'duplicateName':
      return `"${problem.name}" is already on line ${problem.line}`;
    case 'unknownOwner':
      return `owner "${problem.owner}" is not a user of this org (display name or chat id)`;
    case 'ambiguousOwner':
      return `owner "${problem.owner}" matches ${problem.count} users; use their chat id`;
    case 'unreadable':
      return problem.detail;
    case 'refusedByDatabase':
      return `refused by the database: ${problem.detail}`;
  }
}
