import { Redis } from 'ioredis';

/**
 * A Redis connection for health checks only. BullMQ's own connections queue commands and retry
 * forever across an outage (they must, for blocking workers), so a PING through them hangs while Redis
 * is down. This one refuses commands at once when disconnected (no offline queue, no retries per
 * request) and reconnects every ≤ 500 ms, so /readyz reports an outage at once and a recovery within
 * about half a second. https://github.com/redis/ioredis#offline-queue
 */
export function createRedisPing(redisUrl: string, connectionName?: string) {
  let redis: Redis | undefined;
  const connection = (): Redis => {
    redis ??= new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 100, 500),
      connectionName: connectionName ? `${connectionName}:health` : undefined,
    });
    // Errors surface through the failed PING; the connection keeps reconnecting by itself.
    redis.on('error', () => undefined);
    return redis;
  };
  return {
    async ping(): Promise<{ ok: boolean; detail?: string }> {
      try {
        const redis = connection();
        if (redis.status !== 'ready') await connected(redis);
        await redis.ping();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: `redis: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    close(): void {
      redis?.disconnect();
      redis = undefined;
    },
  };
}

/**
 * Resolves once `redis` is connected; rejects with the next connection error (Redis is down), or after
 * 1 s. Without an offline queue a PING sent while (re)connecting would fail although Redis is up.
 */
function connected(redis: Redis): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const timer = setTimeout(() => done(new Error(`not connected (${redis.status})`)), 1000);
    redis.once('ready', onReady);
    redis.once('error', done);
  });
}
