/** mysql `exec` of a parameterised INSERT versus mysql2 running the same statement on one connection. */
import mysql from 'mysql2/promise';
import { RUN_ID } from '../config';
import type { Services } from '../services';
import { component, payloadBytes, type TargetFactory } from './target';

/**
 * The mysql target: one table for the run, handler rows even ids, raw rows odd ids; dropped afterwards. The handler prepares, executes and closes a statement per
 * call (go-sql-driver through database/sql does); mysql2's execute() caches the prepared statement,
 * so the baseline saves the prepare round trip and that shows in the added cost.
 */
export function mysqlTarget(services: Services): TargetFactory {
  return async () => {
    const table = `${RUN_ID.replace(/-/g, '_')}_my`;
    const connection = await mysql.createConnection({ uri: services.MYSQL_URL });
    await connection.query(`CREATE TABLE ${table} (id BIGINT PRIMARY KEY, body TEXT)`);
    const sql = `INSERT INTO ${table} (id, body) VALUES (?, ?)`;
    return {
      label: 'mysql',
      operation: 'exec INSERT, 2 params',
      baseline: 'mysql2 execute (cached prepare)',
      component: component('bench-mysql', 'bindings.mysql', { url: services.MYSQL_DSN }),
      request: (i) => ({
        operation: 'exec',
        metadata: { sql, params: JSON.stringify([2 * i, payloadBytes(i).toString()]) },
      }),
      raw: async (i) => {
        await connection.execute(sql, [2 * i + 1, payloadBytes(i).toString()]);
      },
      cleanup: async () => {
        await connection.query(`DROP TABLE IF EXISTS ${table}`);
        await connection.end();
      },
    };
  };
}
