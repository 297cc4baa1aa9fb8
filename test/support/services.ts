import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const scripts = join(__dirname, '..', '..', 'scripts', 'services');

/** Stops or starts the project's local Kafka broker (scripts/services/kafka.sh), waiting until done. */
export function kafkaBroker(action: 'stop' | 'start'): void {
  execFileSync('bash', [join(scripts, 'kafka.sh'), action], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
}
