import type { BindingsRuntime } from '../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../support/kafka-runtime';
import { mqttComponent, mqttUrl, Subscriber, uniqueTopic } from './mqtt-support';
import { TlsMosquitto } from './tls-broker';

jest.setTimeout(60_000);

// A mosquitto of its own with a TLS listener that requires a client certificate from a test CA.
describe('mqtt3 binding over TLS', () => {
  const topic = uniqueTopic('tls');
  let broker: TlsMosquitto;
  let runtime: BindingsRuntime;

  beforeAll(async () => {
    mqttUrl(); // the suite needs the test broker configured, like every mqtt3 test
    broker = await TlsMosquitto.start();
    const { caCert, clientCert, clientKey } = broker.material;
    const url = `ssl://localhost:${broker.tlsPort}`;
    runtime = realRuntime([
      mqttComponent('mtls', { topic, caCert, clientCert, clientKey }, url),
      mqttComponent('untrusted', { topic, clientCert, clientKey }, `mqtts://localhost:${broker.tlsPort}`),
      mqttComponent('anonymous', { topic, caCert }, `tls://localhost:${broker.tlsPort}`),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    await broker?.stop();
  });

  it('publishes with caCert, clientCert and clientKey over ssl://', async () => {
    const subscriber = await Subscriber.on(topic, broker.plainUrl);
    try {
      expect((await post(runtime, 'mtls', { operation: 'create', data: 'secure' })).status).toBe(204);
      expect((await subscriber.received(1)).map((m) => m.payload.toString())).toEqual(['"secure"']);
    } finally {
      await subscriber.close();
    }
  });

  it("refuses a broker certificate that caCert does not vouch for (the system roots don't)", async () => {
    const failed = await post(runtime, 'untrusted', { operation: 'create', data: 1 }, 5_000);
    expect(failed.status).toBe(500);
    expect(errorOf(failed).message).toMatch(
      /^error invoking output binding untrusted: failed to create producer connection: failed to connect: .*certificate/,
    );
  });

  it('gives a Dapr error when the broker requires a client certificate and none is configured', async () => {
    const failed = await post(runtime, 'anonymous', { operation: 'create', data: 1 }, 5_000);
    expect(failed.status).toBe(500);
    expect(errorOf(failed).message).toMatch(
      /^error invoking output binding anonymous: failed to create producer connection: failed to connect: .*certificate required/,
    );
  });
});
