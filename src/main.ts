import { serve } from '@hono/node-server';
import { loadConfigOrExit } from './config.ts';
import { createLogger } from './logger.ts';
import { systemClock } from './core/shared/clock.ts';
import { buildApp } from './app/build-app.ts';
import { removeRunFile, writeRunFile } from './db/backup/run-file.ts';

/** `npm start`: the whole service on PORT, embedded database unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await buildApp(config, { logger, clock: systemClock });
  await app.start();
  const embedded = app.database.kind === 'pglite';
  const server = serve({ fetch: app.http.fetch, port: config.port }, (info) => {
    // `npm run backup` asks this process for a copy rather than opening the files a second time.
    if (embedded) void writeRunFile(config.dataDir, { pid: process.pid, port: info.port, backupToken: app.backupToken });
    logger.info(
      { port: info.port, database: app.database.kind, adapters: app.adapters.map((a) => a.platform), publicUrl: config.publicUrl },
      `Legwork is listening on ${config.publicUrl}`,
    );
  });

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking requests first, then let the delivery loop finish its batch, then close the database.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.stop();
    if (embedded) await removeRunFile(config.dataDir);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof Error && error.name === 'DataKeyError') {
    // Not a crash to debug: the operator must give the right key. The message says how.
    process.stderr.write(`Legwork failed to start: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Legwork failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
