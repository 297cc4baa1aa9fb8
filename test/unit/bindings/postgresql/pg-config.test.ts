import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgConnectionPlan, sslPlan } from '../../../../src/bindings/postgresql/pg-config';

const settings = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('pg connection plan from pgx settings', () => {
  let dir: string;
  let ca: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-config-'));
    ca = join(dir, 'ca.pem');
    writeFileSync(ca, 'CA');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps host, port, user, password, database and the connect timeout', () => {
    const plan = pgConnectionPlan(
      settings({ host: 'db', port: '6543', user: 'u', password: 'p', database: 'd', connect_timeout: '3' }),
      20_000,
    );
    expect(plan.client).toMatchObject({
      host: 'db',
      port: 6543,
      user: 'u',
      password: 'p',
      database: 'd',
      connectionTimeoutMillis: 3000,
    });
    expect(
      pgConnectionPlan(settings({ host: 'db', connect_timeout: '60' }), 5_000).client.connectionTimeoutMillis,
    ).toBe(5000);
    expect(pgConnectionPlan(settings({ hostaddr: '10.0.0.1', host: 'db' }), 1000).client.host).toBe('10.0.0.1');
  });

  it('sends other keys as server run-time parameters, as pgx does', () => {
    const plan = pgConnectionPlan(
      settings({ host: 'h', application_name: 'app', search_path: 'a b', timezone: 'UTC' }),
      1,
    );
    expect(plan.client.application_name).toBe('app');
    expect(plan.client.options).toBe('-c search_path=a\\ b -c timezone=UTC');
  });

  it('refuses several hosts, Unix sockets and bad ports', () => {
    expect(() => pgConnectionPlan(settings({ host: 'a,b' }), 1)).toThrow('several hosts');
    expect(() => pgConnectionPlan(settings({ host: '/var/run/postgresql' }), 1)).toThrow('Unix socket');
    expect(() => pgConnectionPlan(settings({ host: 'h', port: 'x' }), 1)).toThrow('invalid port: x');
  });

  it.each([
    ['disable', { mode: 'disable' }],
    ['allow', { mode: 'disable' }],
    ['prefer', { mode: 'prefer', tls: { rejectUnauthorized: false, servername: 'db.example.com' } }],
    ['require', { mode: 'require', tls: { rejectUnauthorized: false } }],
    ['verify-full', { mode: 'require', tls: { servername: 'db.example.com' } }],
  ])('sslmode=%s', (mode, expected) => {
    const plan = sslPlan(settings({ sslmode: mode }), 'db.example.com');
    expect(plan).toMatchObject(expected);
    if (plan.mode !== 'disable')
      expect(plan.tls.rejectUnauthorized === false).toBe(mode === 'prefer' || mode === 'require');
  });

  it('defaults to prefer, like pgx', () => {
    expect(sslPlan(settings({}), '127.0.0.1')).toMatchObject({ mode: 'prefer', tls: { servername: undefined } });
  });

  it('verifies the chain but not the name for verify-ca, and for require with a root certificate (libpq)', () => {
    for (const mode of ['verify-ca', 'require']) {
      const plan = sslPlan(settings({ sslmode: mode, sslrootcert: ca }), 'db');
      expect(plan.mode).toBe('require');
      if (plan.mode === 'disable') throw new Error('unreachable');
      expect(plan.tls.ca).toEqual(Buffer.from('CA'));
      expect(plan.tls.rejectUnauthorized).toBeUndefined();
      expect(plan.tls.checkServerIdentity?.('db', {} as never)).toBeUndefined();
    }
    const full = sslPlan(settings({ sslmode: 'verify-full', sslrootcert: ca }), 'db');
    if (full.mode === 'disable') throw new Error('unreachable');
    expect(full.tls.checkServerIdentity).toBeUndefined();
  });

  it('refuses an unknown sslmode, an unreadable file and a certificate without its key', () => {
    expect(() => sslPlan(settings({ sslmode: 'sometimes' }), 'h')).toThrow('sslmode is invalid');
    expect(() => sslPlan(settings({ sslrootcert: join(dir, 'missing.pem') }), 'h')).toThrow(
      `unable to read sslrootcert file ${join(dir, 'missing.pem')}: ENOENT`,
    );
    expect(() => sslPlan(settings({ sslcert: ca }), 'h')).toThrow('sslcert and sslkey must be given together');
  });
});
