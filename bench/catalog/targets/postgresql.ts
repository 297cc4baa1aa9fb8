/** postgresql `exec` of a parameterised INSERT versus pg running the same statement on one client. */
import pg from 'pg';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { component, payloadBytes, type TargetFactory } from './target';

/** The postgresql target: one table for the run, handler rows even ids, raw rows odd ids; dropped afterwards. */
export function postgresTarget(services: Services): TargetFactory {
  return async () => {
    const table = `${RUN_ID.replace(/-/g, '_')}_pg`;
    const client = new pg.Client({ connectionString: services.POSTGRES_URL });
    await client.connect();
    await client.query(`CREATE TABLE ${table} (id bigint PRIMARY KEY, body text)`);
    const sql = `INSERT INTO ${table} (id, body) VALUES ($1, $2)`;
    return {
      label: 'postgresql',
      operation: 'exec INSERT, 2 params',
      baseline: 'pg client.query(text, values)',
      component: component('bench-postgresql', 'bindings.postgresql', { connectionString: services.POSTGRES_URL }),
      request: (i) => ({
        operation: 'exec',
        metadata: { sql, params: JSON.stringify([2 * i, payloadBytes(i).toString()]) },
      }),
      raw: async (i) => {
        await client.query(sql, [2 * i + 1, payloadBytes(i).toString()]);
      },
      cleanup: async () => {
        await client.query(`DROP TABLE IF EXISTS ${table}`);
        await client.end();
      },
    };
  };
}
