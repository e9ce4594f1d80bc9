import { z } from 'zod';
import { dailyBackup } from '../../src/db/backup/embedded-backup.ts';
import type { JobDefinition } from '../queue/types.ts';

/**
 * Daily, on the embedded database only: a copy under DATA_DIR/backups, the newest BACKUP_KEEP kept.
 * A second run the same day replaces that day's copy; on PostgreSQL there is nothing to do (its own
 * tools back it up, see the README).
 */
export const backup: JobDefinition<Record<string, unknown>> = {
  name: 'backup',
  schema: z.object({}),
  async handler({ clock, logger, embeddedBackup }) {
    if (!embeddedBackup) return undefined;
    const result = await dailyBackup(embeddedBackup.dump, { dataDir: embeddedBackup.dataDir, keep: embeddedBackup.keep, now: clock.now() });
    logger.info({ backup: result?.file, bytes: result?.bytes, removed: result?.removed }, 'daily backup');
    return result;
  },
};
