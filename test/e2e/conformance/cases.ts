import { join } from 'node:path';
import { readRecords } from '../../support/kafka';
import type { ConformanceBackends } from './backends';
import { serviceEnv } from './backends';
import type { StageComponent } from './stage';

/** components-contrib's default conformance `outputData` (tests/conformance/bindings/bindings.go). */
export const CONFORMANCE_DATA = [
  {
    eventType: 'test',
    eventTime: '2018-01-25T22:12:19.4556811Z',
    subject: 'dapr-conf-tests',
    id: 'A234-1234-1234',
    data: 'root/>',
  },
];

/** The bytes daprd hands a component for that data: Go's json.Marshal (keys sorted, `>` escaped). */
export const CONFORMANCE_BYTES =
  '[{"data":"root/\\u003e","eventTime":"2018-01-25T22:12:19.4556811Z","eventType":"test","id":"A234-1234-1234","subject":"dapr-conf-tests"}]';

/** The request body of one binding call. */
export interface BindingCall {
  operation: string;
  data?: unknown;
  metadata?: Record<string, string>;
}

/** A response as the suite sees it. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
}

/** One call of a case, what it must answer, and what the backend must then hold. */
export interface ConformanceStep {
  title: string;
  call: BindingCall;
  status: 200 | 204 | 500;
  /** The exact response body. */
  body?: string;
  /** `metadata.<key>` response headers (names as daprd writes them; compared case-insensitively). */
  headers?: Record<string, string | RegExp>;
  /** Reads the backend with its own client after the call. */
  verify?(backends: ConformanceBackends, result: CallResult): Promise<void>;
}

/** One binding type: the component a user would write, and its operations in daprd's conformance order. */
export interface ConformanceCase {
  type: string;
  /** daprd's `Operations()`, in its order (the list its unsupported-operation error names). */
  operations: string[];
  component(backends: ConformanceBackends): StageComponent;
  steps(backends: ConformanceBackends): ConformanceStep[];
}

const NUMBER = /^\d+$/;
const RFC3339_NANO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const GO_DURATION = /^\d+(\.\d+)?(ns|µs|ms|s|m|h)/;

function sqlHeaders(operation: string, sql: string, rowsAffected?: string): Record<string, string | RegExp> {
  return {
    operation,
    sql,
    'start-time': RFC3339_NANO,
    'end-time': RFC3339_NANO,
    duration: GO_DURATION,
    ...(rowsAffected === undefined ? {} : { 'rows-affected': rowsAffected }),
  };
}

/** exec and query on one table with bound parameters; `noRows` is daprd's answer to a query without rows. */
function sqlSteps(table: string, placeholder: (n: number) => string, noRows: string): ConformanceStep[] {
  const create = `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, payload TEXT)`;
  const insert = `INSERT INTO ${table} (id, payload) VALUES (${placeholder(1)}, ${placeholder(2)})`;
  const select = `SELECT payload FROM ${table} WHERE id = ${placeholder(1)}`;
  const remove = `DELETE FROM ${table} WHERE id = ${placeholder(1)}`;
  const params = (...values: unknown[]) => JSON.stringify(values);
  return [
    {
      title: 'exec creates a table',
      call: { operation: 'exec', metadata: { sql: create } },
      status: 200,
      body: '',
      headers: sqlHeaders('exec', create, '0'),
    },
    {
      title: 'exec inserts with bound parameters',
      call: { operation: 'exec', metadata: { sql: insert, params: params(1, CONFORMANCE_BYTES) } },
      status: 200,
      body: '',
      headers: sqlHeaders('exec', insert, '1'),
    },
    {
      title: 'query reads it back',
      call: { operation: 'query', metadata: { sql: select, params: params(1) } },
      status: 200,
      headers: sqlHeaders('query', select),
      verify: async (_b, result) =>
        expect(JSON.stringify(JSON.parse(result.text))).toContain(JSON.stringify(CONFORMANCE_BYTES)),
    },
    {
      title: 'exec deletes it',
      call: { operation: 'exec', metadata: { sql: remove, params: params(1) } },
      status: 200,
      body: '',
      headers: sqlHeaders('exec', remove, '1'),
    },
    {
      title: 'query after delete is empty',
      call: { operation: 'query', metadata: { sql: select, params: params(1) } },
      status: 200,
      body: noRows,
    },
    { title: 'close releases the pool', call: { operation: 'close' }, status: 204 },
    {
      title: 'a call after close connects again',
      call: { operation: 'query', metadata: { sql: select, params: params(1) } },
      status: 200,
      body: noRows,
    },
  ];
}

const unique = (backends: ConformanceBackends, label: string) => `conformance-${backends.runId}-${label}`;

/** The non-AWS binding types, through the HTTP API of a real serverless-offline. */
export const CORE_CONFORMANCE_CASES: ConformanceCase[] = [
  {
    type: 'bindings.kafka',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-kafka',
      type: 'bindings.kafka',
      operations: ['create'],
      metadata: { brokers: serviceEnv('KAFKA_BROKERS'), publishTopic: b.kafkaTopic, authType: 'none' },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create writes the bytes daprd would write',
        call: { operation: 'create', data: CONFORMANCE_DATA, metadata: { partitionKey: 'conformance' } },
        status: 204,
        headers: { partition: '0', offset: NUMBER },
        verify: async (b) => {
          const [record] = await readRecords(b.kafkaTopic, 1);
          expect(record!.value!.toString()).toBe(CONFORMANCE_BYTES);
          expect(record!.key!.toString()).toBe('conformance');
        },
      },
    ],
  },
  {
    type: 'bindings.redis',
    operations: ['create', 'delete', 'get', 'increment'],
    component: () => ({
      name: 'conf-redis',
      type: 'bindings.redis',
      operations: ['create', 'delete', 'get', 'increment'],
      metadata: { redisHost: serviceEnv('REDIS_HOST') },
    }),
    steps: (b): ConformanceStep[] => {
      const key = unique(b, 'redis');
      return [
        {
          title: 'create stores the bytes',
          call: { operation: 'create', data: CONFORMANCE_DATA, metadata: { key } },
          status: 204,
          verify: async () => expect(await b.redis.get(key)).toBe(CONFORMANCE_BYTES),
        },
        {
          title: 'get returns them',
          call: { operation: 'get', metadata: { key } },
          status: 200,
          body: CONFORMANCE_BYTES,
        },
        {
          title: 'delete removes the key',
          call: { operation: 'delete', metadata: { key } },
          status: 204,
          verify: async () => expect(await b.redis.exists(key)).toBe(0),
        },
        { title: 'get after delete is empty', call: { operation: 'get', metadata: { key } }, status: 200, body: '' },
      ];
    },
  },
  {
    type: 'bindings.localstorage',
    operations: ['create', 'get', 'list', 'delete'],
    component: (b) => ({
      name: 'conf-localstorage',
      type: 'bindings.localstorage',
      operations: ['create', 'get', 'list', 'delete'],
      metadata: { rootPath: b.storageRoot },
    }),
    steps: (b): ConformanceStep[] => {
      const fileName = `conformance/${b.runId}.json`;
      return [
        {
          title: 'create writes the file and names it',
          call: { operation: 'create', data: CONFORMANCE_DATA, metadata: { fileName } },
          status: 200,
          body: JSON.stringify({ fileName }),
        },
        {
          title: 'get returns the bytes',
          call: { operation: 'get', metadata: { fileName } },
          status: 200,
          body: CONFORMANCE_BYTES,
        },
        {
          title: 'list names it',
          call: { operation: 'list' },
          status: 200,
          body: JSON.stringify([join(b.storageRoot, fileName)]),
        },
        { title: 'delete removes it', call: { operation: 'delete', metadata: { fileName } }, status: 204 },
        { title: 'get after delete fails as daprd', call: { operation: 'get', metadata: { fileName } }, status: 500 },
      ];
    },
  },
  {
    type: 'bindings.http',
    operations: ['create', 'get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'trace'],
    component: (b) => ({
      name: 'conf-http',
      type: 'bindings.http',
      operations: ['create', 'get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'trace'],
      metadata: { url: `http://127.0.0.1:${b.http.port}/conformance` },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create POSTs the bytes',
        call: { operation: 'create', data: CONFORMANCE_DATA, metadata: { path: '/orders' } },
        status: 200,
        body: 'ok',
        headers: { statusCode: '200', 'Content-Type': 'text/plain' },
        verify: async (b) => {
          const request = b.http.requests.at(-1)!;
          expect([request.method, request.url, request.body.toString()]).toEqual([
            'POST',
            '/conformance/orders',
            CONFORMANCE_BYTES,
          ]);
        },
      },
      {
        title: 'get GETs without a body',
        call: { operation: 'get' },
        status: 200,
        body: 'ok',
        headers: { statusCode: '200', status: '200 OK' },
        verify: async (b) => expect(b.http.requests.at(-1)!.method).toBe('GET'),
      },
      {
        title: 'delete sends DELETE',
        call: { operation: 'delete', metadata: { path: 'orders/1' } },
        status: 200,
        verify: async (b) =>
          expect(b.http.requests.at(-1)!.method + b.http.requests.at(-1)!.url).toBe('DELETE/conformance/orders/1'),
      },
    ],
  },
  {
    type: 'bindings.postgresql',
    operations: ['exec', 'query', 'close'],
    component: () => ({
      name: 'conf-postgresql',
      type: 'bindings.postgresql',
      metadata: { connectionString: serviceEnv('POSTGRES_URL') },
    }),
    steps: (b): ConformanceStep[] => sqlSteps(b.sqlTable, (n) => `$${n}`, '[]'),
  },
  {
    type: 'bindings.mysql',
    operations: ['exec', 'query', 'close'],
    component: () => ({ name: 'conf-mysql', type: 'bindings.mysql', metadata: { url: serviceEnv('MYSQL_DSN') } }),
    steps: (b): ConformanceStep[] => sqlSteps(b.sqlTable, () => '?', 'null'),
  },
  {
    type: 'bindings.rabbitmq',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-rabbitmq',
      type: 'bindings.rabbitmq',
      metadata: { host: serviceEnv('RABBITMQ_URL'), queueName: b.rabbitQueue, durable: 'true' },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create publishes the bytes, confirmed',
        call: { operation: 'create', data: CONFORMANCE_DATA, metadata: { correlationID: 'conformance' } },
        status: 204,
        verify: async (b) => {
          const message = await b.nextRabbitMessage();
          if (!message) throw new Error(`queue ${b.rabbitQueue} is empty after a 204`);
          expect(message.content.toString()).toBe(CONFORMANCE_BYTES);
          expect(message.properties.correlationId).toBe('conformance');
        },
      },
    ],
  },
  {
    type: 'bindings.mqtt3',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-mqtt3',
      type: 'bindings.mqtt3',
      metadata: { url: serviceEnv('MQTT_URL'), topic: `${b.mqttTopic}/default`, consumerID: 'conformance' },
    }),
    steps: (b): ConformanceStep[] => [
      {
        title: 'create publishes the bytes to the component topic',
        call: { operation: 'create', data: CONFORMANCE_DATA },
        status: 204,
        verify: async () =>
          expect((await b.mqttMessageOn(`${b.mqttTopic}/default`)).payload.toString()).toBe(CONFORMANCE_BYTES),
      },
      {
        title: 'request metadata topic overrides it',
        call: { operation: 'create', data: 'override', metadata: { topic: `${b.mqttTopic}/override` } },
        status: 204,
        verify: async () =>
          expect((await b.mqttMessageOn(`${b.mqttTopic}/override`)).payload.toString()).toBe('"override"'),
      },
    ],
  },
  {
    type: 'bindings.smtp',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-smtp',
      type: 'bindings.smtp',
      metadata: {
        host: b.smtp.host,
        port: String(b.smtp.port),
        emailFrom: 'orders@example.com',
        emailTo: 'team@example.com',
        subject: 'conformance',
      },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create sends the unquoted body as HTML',
        call: { operation: 'create', data: '<p>conformance</p>', metadata: { emailCC: 'audit@example.com' } },
        status: 204,
        verify: async (b) => {
          const mail = b.smtp.messages.at(-1);
          if (!mail) throw new Error('the SMTP server received nothing after a 204');
          expect(mail.envelope).toEqual({ from: 'orders@example.com', to: ['team@example.com', 'audit@example.com'] });
          expect([mail.subject, mail.body, mail.headers.get('content-type')]).toEqual([
            'conformance',
            '<p>conformance</p>',
            expect.objectContaining({ value: 'text/html' }),
          ]);
        },
      },
    ],
  },
];
