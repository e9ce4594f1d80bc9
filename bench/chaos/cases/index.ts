import type { ChaosCase } from '../stack.ts';
import { postgresRestart } from './postgres-restart.ts';
import { killWeb, killWorker } from './kill-process.ts';
import { redisDown } from './redis-down.ts';
import { rateLimitStorm } from './rate-limit-storm.ts';
import { manyProcesses } from './many-processes.ts';

/** Every case, in the order `npm run chaos` runs them. */
export const allCases: readonly ChaosCase[] = [postgresRestart, killWeb, killWorker, redisDown, rateLimitStorm, manyProcesses];
