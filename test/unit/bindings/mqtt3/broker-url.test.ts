import { parseBrokerUrl } from '../../../../src/bindings/mqtt3/broker-url';

describe('parseBrokerUrl', () => {
  it.each([
    ['tcp://127.0.0.1:1883', 'mqtt', 1883],
    ['mqtt://broker:1884', 'mqtt', 1884],
    ['ssl://broker:8883', 'mqtts', 8883],
    ['tls://broker:8883', 'mqtts', 8883],
    ['mqtts://broker:8883', 'mqtts', 8883],
    ['tcps://broker:8883', 'mqtts', 8883],
    ['mqtt+ssl://broker:8883', 'mqtts', 8883],
    ['ws://broker:8080', 'ws', 8080],
    ['ws://broker', 'ws', 80],
    ['wss://broker', 'wss', 443],
    ['TCP://broker:1883', 'mqtt', 1883],
  ])("maps %s as daprd's scheme rewrite and paho do", (url, transport, port) => {
    expect(parseBrokerUrl(url)).toMatchObject({ transport, port });
  });

  it('takes percent-decoded credentials from the user info, and keeps them out of the address', () => {
    const target = parseBrokerUrl('tcp://fake%40user:p%3Ass@fake.mqtt.host:1883');
    expect(target).toEqual({
      transport: 'mqtt',
      host: 'fake.mqtt.host',
      port: 1883,
      username: 'fake@user',
      password: 'p:ss',
      address: 'mqtt://fake.mqtt.host:1883',
    });
  });

  it('has no credentials when the URL has none, and unwraps an IPv6 host', () => {
    expect(parseBrokerUrl('tcp://[::1]:1883')).toEqual({
      transport: 'mqtt',
      host: '::1',
      port: 1883,
      username: undefined,
      password: undefined,
      address: 'mqtt://[::1]:1883',
    });
  });

  it('drops a path, as daprd rebuilds the broker address from scheme and host only', () => {
    expect(parseBrokerUrl('ws://broker:9001/mqtt').address).toBe('ws://broker:9001');
  });

  it.each(['tcp://broker', 'ssl://broker', 'unix:///tmp/mqtt.sock', 'broker:1883', 'tcp://:1883', ''])(
    'refuses %j',
    (url) => {
      expect(() => parseBrokerUrl(url)).toThrow(/^metadata "url"/);
    },
  );
});
