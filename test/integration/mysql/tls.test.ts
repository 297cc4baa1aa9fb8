import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { mysqlComponent, mysqlDsn, PrivateMariadb } from './mysql-support';

jest.setTimeout(120_000);

/** A CA and a server certificate for 127.0.0.1 signed by it, plus an unrelated CA, in `dir`. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const ca of ['ca', 'other-ca']) {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=dapr test ${ca}`,
      '-keyout',
      `${ca}-key.pem`,
      '-out',
      `${ca}.pem`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    );
  }
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    'server-key.pem',
    '-out',
    'server.csr',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  );
  for (const file of ['ca.pem', 'server.pem', 'server-key.pem']) chmodSync(join(dir, file), 0o644);
}

// A mariadbd of its own with TLS, to check the DSN's tls= values and daprd's pemPath ("custom").
describe('mysql binding over TLS', () => {
  let server: PrivateMariadb;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    mysqlDsn(); // the suite needs the test server configured, like every mysql test
    server = await PrivateMariadb.start((dir) => {
      makeCertificates(dir);
      return [
        `--ssl-ca=${join(dir, 'ca.pem')}`,
        `--ssl-cert=${join(dir, 'server.pem')}`,
        `--ssl-key=${join(dir, 'server-key.pem')}`,
      ];
    });
    const base = `root@tcp(127.0.0.1:${server.port})/mysql?timeout=2s&tls=`;
    runtime = realRuntime([
      mysqlComponent('custom', { pemPath: join(server.dir, 'ca.pem') }, `${base}custom`),
      mysqlComponent('wrong-ca', { pemPath: join(server.dir, 'other-ca.pem') }, `${base}custom`),
      mysqlComponent('no-pem-file', { pemPath: join(server.dir, 'missing.pem') }, `${base}custom`),
      mysqlComponent('system-cas', {}, `${base}true`),
      mysqlComponent('skip-verify', {}, `${base}skip-verify`),
      mysqlComponent('plain', {}, `${base}false`),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.remove();
  });

  const cipher = (name: string) =>
    post(runtime, name, { operation: 'query', metadata: { sql: "SHOW SESSION STATUS LIKE 'Ssl_version'" } });

  it('verifies the server with the pemPath CA for tls=custom', async () => {
    const response = await cipher('custom');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual([
      { Variable_name: 'Ssl_version', Value: expect.stringMatching(/^TLSv1\.[23]$/) },
    ]);
  });

  it('encrypts without verifying for tls=skip-verify, and not at all for tls=false', async () => {
    expect(JSON.parse((await cipher('skip-verify')).body.toString())[0].Value).toMatch(/^TLSv1\.[23]$/);
    expect(JSON.parse((await cipher('plain')).body.toString())).toEqual([{ Variable_name: 'Ssl_version', Value: '' }]);
  });

  it('refuses a server its CA did not sign', async () => {
    for (const name of ['wrong-ca', 'system-cas']) {
      const response = await cipher(name);
      expect(response.status).toBe(500);
      expect(errorOf(response).message).toMatch(
        new RegExp(`^error invoking output binding ${name}: unable to ping the DB: .*certificate`),
      );
    }
  });

  it("reports daprd's error for an unreadable pemPath", async () => {
    const response = await cipher('no-pem-file');
    expect(errorOf(response).message).toBe(
      `error invoking output binding no-pem-file: error reading PEM file from ${join(server.dir, 'missing.pem')}: ENOENT: no such file or directory, open '${join(server.dir, 'missing.pem')}'`,
    );
  });
});
