/** The local services' addresses (`.services.env`, written by `bash scripts/services/up.sh`; the environment wins). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './config';

/** The variables the catalogue bench needs. */
export const SERVICE_VARIABLES = [
  'REDIS_HOST',
  'POSTGRES_URL',
  'MYSQL_URL',
  'MYSQL_DSN',
  'RABBITMQ_URL',
  'MQTT_URL',
  'MOTO_ENDPOINT',
  'KAFKA_BROKERS',
] as const;

/** One service address per variable. */
export type Services = Record<(typeof SERVICE_VARIABLES)[number], string>;

/** A service address is missing: the bench cannot run (never a skip). */
export class MissingServiceError extends Error {}

/** Reads `.services.env` under the environment and returns every address, or throws naming the missing ones. */
export function loadServices(env: NodeJS.ProcessEnv = process.env): Services {
  const file = join(ROOT, '.services.env');
  const fromFile: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (match) fromFile[match[1]!] = match[2]!;
    }
  }
  const missing = SERVICE_VARIABLES.filter((name) => !(env[name] ?? fromFile[name]));
  if (missing.length > 0) {
    throw new MissingServiceError(
      `${missing.join(', ')} not set: run \`bash scripts/services/up.sh\` (it writes .services.env) or export them`,
    );
  }
  return Object.fromEntries(SERVICE_VARIABLES.map((name) => [name, env[name] ?? fromFile[name]!])) as Services;
}
