import type { AlertName } from '../../conversation/intents/types.ts';

/**
 * The alert kinds a manager may switch off one by one (all on by default). A join request is not one
 * of them: it is a question only its manager can answer. `joined` tells of someone who joined one of
 * their teams without asking (the org's open joining, or an admin joining).
 */
export const alertKinds: readonly AlertName[] = ['offsite', 'mocked', 'lateReport', 'joined'];

/** At most one alert message per manager in this many minutes; later alerts wait for the next. */
export const alertWindowMinutes = 10;
