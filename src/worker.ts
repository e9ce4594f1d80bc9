import { loadConfigOrExit } from './config.ts';
import { createLogger } from './logger.ts';
import { systemClock } from './core/shared/clock.ts';
import { buildApp } from './app/build-app.ts';

/**
 * `npm run worker`: the scheduler's workers and the outbox delivery loop without the HTTP server or
 * platform connections, so several can run beside `npm start` (on other machines too). With
 * REDIS_URL they share BullMQ jobs; either way every scheduled message is written once (natural keys)
 * and delivered once (outbox leases).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    // The embedded database's files belong to the one `npm start` process: a second process opening
    // them would corrupt them, and a worker on a database of its own would have nothing to do.
    process.stderr.write('npm run worker needs DATABASE_URL (a PostgreSQL server shared with `npm start`).\n');
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const app = await buildApp(config, { logger, clock: systemClock });
  await app.startWorker();
  logger.info({ database: app.database.kind, queue: app.scheduler.kind }, 'Legwork worker running');

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'worker shutting down');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Legwork worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
