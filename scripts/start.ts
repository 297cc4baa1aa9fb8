/**
 * `npm start`: serves the API locally through serverless-offline (the same handler as Lambda) on
 * http://localhost:3601 (PORT) with the Lambda invoke endpoint on 3002 (LAMBDA_PORT). When no Kafka
 * broker answers at a dev component's local address and Java is present, it first starts the
 * project's broker, says so, and stops it again on Ctrl-C.
 */
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { fullCatalog } from '../src/bindings/registry';
import { loadStage } from '../src/components/load-stage';

const root = resolve(__dirname, '..');
const stage = process.env.STAGE ?? 'dev';
const kafkaScript = join(root, 'scripts/services/kafka.sh');

function brokerAddresses(): string[] {
  const { manifest } = loadStage({
    dir: join(root, 'components'),
    stage,
    appId: process.env.APP_ID || 'dapr-bindings',
    catalog: fullCatalog,
    root,
  });
  return manifest.components
    .filter((c) => c.type === 'bindings.kafka')
    .flatMap((c) => {
      const brokers = c.metadata.find((m) => m.name.toLowerCase() === 'brokers');
      const value = brokers?.value || (brokers?.envRef ? process.env[brokers.envRef] : undefined);
      return value ? value.split(',').map((b) => b.trim()) : [];
    });
}

function answers(address: string): Promise<boolean> {
  const [host = 'localhost', port = '9092'] = address.split(':');
  return new Promise((done) => {
    const socket = connect({ host, port: Number(port), timeout: 1_000 });
    const settle = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.once('timeout', () => settle(false));
  });
}

function isLocalDefault(address: string): boolean {
  return /^(localhost|127\.0\.0\.1):9092$/.test(address);
}

async function main(): Promise<void> {
  let startedKafka = false;
  const local = brokerAddresses().find(isLocalDefault);
  const javaPresent = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
  if (local && !(await answers(local)) && javaPresent) {
    console.log(
      `No Kafka broker answers at ${local}: starting the project's local broker (stopped again on Ctrl-C)...`,
    );
    if (spawnSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' }).status !== 0) process.exit(1);
    startedKafka = true;
  }
  const offline = spawn(join(root, 'node_modules/.bin/serverless'), ['offline', 'start', '--stage', stage], {
    cwd: root,
    stdio: 'inherit',
    env: { SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', ...process.env },
  });
  const stop = () => {
    offline.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  offline.on('exit', (code) => {
    if (startedKafka) {
      console.log('Stopping the local Kafka broker this command started...');
      spawnSync('bash', [kafkaScript, 'stop'], { stdio: 'inherit' });
    }
    process.exit(code ?? 0);
  });
}

void main();
