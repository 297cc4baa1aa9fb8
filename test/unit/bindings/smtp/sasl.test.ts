import { cleartextRefusal, gomailMechanism } from '../../../../src/bindings/smtp/sasl';

describe("smtp AUTH as gomail's Dialer", () => {
  it('picks CRAM-MD5 first, LOGIN only without PLAIN, else PLAIN', () => {
    expect(gomailMechanism(['PLAIN', 'LOGIN', 'CRAM-MD5'])).toBe('CRAM-MD5');
    expect(gomailMechanism(['PLAIN', 'LOGIN'])).toBe('PLAIN');
    expect(gomailMechanism(['LOGIN'])).toBe('LOGIN');
    expect(gomailMechanism(['XOAUTH2'])).toBe('PLAIN');
    expect(gomailMechanism([])).toBe('PLAIN');
  });

  it('refuses PLAIN without TLS except to localhost, as net/smtp', () => {
    const plain = (tls: boolean, host: string) => cleartextRefusal('PLAIN', { tls, host, advertised: ['PLAIN'] });
    expect(plain(false, 'smtp.example.com')).toBe('unencrypted connection');
    expect(plain(false, '127.0.0.2')).toBe('unencrypted connection');
    for (const host of ['localhost', '127.0.0.1', '::1']) expect(plain(false, host)).toBeUndefined();
    expect(plain(true, 'smtp.example.com')).toBeUndefined();
  });

  it('allows LOGIN without TLS when offered and CRAM-MD5 always, as gomail', () => {
    expect(cleartextRefusal('LOGIN', { tls: false, host: 'mx', advertised: ['LOGIN'] })).toBeUndefined();
    expect(cleartextRefusal('LOGIN', { tls: false, host: 'mx', advertised: [] })).toBe(
      'gomail: unencrypted connection',
    );
    expect(cleartextRefusal('CRAM-MD5', { tls: false, host: 'mx', advertised: ['CRAM-MD5'] })).toBeUndefined();
  });
});
