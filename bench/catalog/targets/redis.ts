/** redis `create` (SET key) versus ioredis SET of the same bytes on one connection. */
import Redis from 'ioredis';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { component, payload, payloadBytes, type TargetFactory } from './target';

/** The redis target: keys `<run>:h:<i>` (handler) and `<run>:r:<i>` (raw), deleted afterwards. */
export function redisTarget(services: Services): TargetFactory {
  return async () => {
    const [host, port] = services.REDIS_HOST.split(':');
    const client = new Redis({ host, port: Number(port ?? 6379), lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    const prefix = `${RUN_ID}:redis`;
    return {
      label: 'redis',
      operation: 'create (SET key)',
      baseline: 'ioredis SET',
      component: component('bench-redis', 'bindings.redis', { redisHost: services.REDIS_HOST }),
      request: (i) => ({ operation: 'create', data: payload(i), metadata: { key: `${prefix}:h:${i}` } }),
      raw: async (i) => {
        await client.set(`${prefix}:r:${i}`, payloadBytes(i));
      },
      cleanup: async () => {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          if (keys.length > 0) await client.unlink(...keys);
          cursor = next;
        } while (cursor !== '0');
        client.disconnect();
      },
    };
  };
}
