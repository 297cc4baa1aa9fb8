import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/processes';
import { PrivateMosquitto } from './mqtt-support';

/** PEM texts of a test CA and a client certificate it signed. */
export interface TlsMaterial {
  caCert: string;
  clientCert: string;
  clientKey: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** Signs `name`.pem (key `name`.key) with the CA in `dir`; `san` is the subjectAltName, if any. */
function issue(dir: string, name: string, cn: string, san?: string): void {
  openssl(dir, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${cn}`,
  ]);
  if (san) writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
  openssl(dir, [
    'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', `${name}.pem`, '-days', '1', ...(san ? ['-extfile', `${name}.ext`] : []),
  ]); // prettier-ignore
}

/**
 * A private mosquitto with a TLS listener that requires a client certificate from a fresh test CA,
 * and a plain listener on loopback for test subscribers. Temp files are removed by `stop`.
 */
export class TlsMosquitto {
  private constructor(
    private readonly dir: string,
    private readonly broker: PrivateMosquitto,
    readonly tlsPort: number,
    readonly material: TlsMaterial,
  ) {}

  static async start(): Promise<TlsMosquitto> {
    const dir = mkdtempSync(join(tmpdir(), 'mqtt3-tls-'));
    try {
      openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=dapr-lambda-test-ca']); // prettier-ignore
      issue(dir, 'server', 'localhost', 'DNS:localhost,IP:127.0.0.1');
      issue(dir, 'client', 'dapr-lambda-test-client');
      const [plainPort, tlsPort] = [await freePort(), await freePort()];
      const config = [
        'per_listener_settings false',
        'allow_anonymous true',
        `listener ${plainPort} 127.0.0.1`,
        `listener ${tlsPort} 127.0.0.1`,
        `cafile ${join(dir, 'ca.pem')}`,
        `certfile ${join(dir, 'server.pem')}`,
        `keyfile ${join(dir, 'server.key')}`,
        'require_certificate true',
      ];
      writeFileSync(join(dir, 'mosquitto.conf'), `${config.join('\n')}\n`);
      // Run as root, mosquitto drops to its own user, which must still read these throwaway files.
      chmodSync(dir, 0o755);
      for (const file of readdirSync(dir)) chmodSync(join(dir, file), 0o644);
      const broker = await PrivateMosquitto.withConfig(plainPort, join(dir, 'mosquitto.conf'));
      const read = (file: string) => readFileSync(join(dir, file), 'utf8');
      return new TlsMosquitto(dir, broker, tlsPort, {
        caCert: read('ca.pem'),
        clientCert: read('client.pem'),
        clientKey: read('client.key'),
      });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The plain listener, for subscribers. */
  get plainUrl(): string {
    return this.broker.url;
  }

  async stop(): Promise<void> {
    await this.broker.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
