import type { ConformanceCase, ConformanceStep } from './cases';
import { CONFORMANCE_BYTES, CONFORMANCE_DATA } from './cases';
import { motoMetadata } from './aws-backends';

/** The AWS binding types against moto, each operation read back with the AWS SDK. */
export const AWS_CONFORMANCE_CASES: ConformanceCase[] = [
  {
    type: 'bindings.aws.s3',
    operations: ['create', 'get', 'delete', 'list', 'presign', 'bulkGet', 'bulkCreate', 'bulkDelete'],
    component: (b) => ({
      name: 'conf-s3',
      type: 'bindings.aws.s3',
      metadata: { ...motoMetadata(), bucket: b.aws.bucket, forcePathStyle: 'true' },
    }),
    steps: (b): ConformanceStep[] => {
      const key = `conformance/${b.runId}.json`;
      const bulkKeys = [1, 2, 3].map((n) => `conformance/bulk-${b.runId}-${n}.txt`);
      return [
        {
          title: 'create uploads the bytes and answers its location',
          call: {
            operation: 'create',
            data: CONFORMANCE_DATA,
            metadata: { key, 'Content-Type': 'application/json', tags: 'team=orders,tier=gold' },
          },
          status: 200,
          verify: async (backends, result) => {
            expect(JSON.parse(result.text)).toEqual({ location: expect.stringContaining(key), versionID: null });
            expect(await backends.aws.object(key)).toEqual({
              body: CONFORMANCE_BYTES,
              contentType: 'application/json',
            });
          },
        },
        {
          title: 'get returns them',
          call: { operation: 'get', metadata: { key } },
          status: 200,
          body: CONFORMANCE_BYTES,
        },
        {
          title: 'list names the key',
          call: { operation: 'list', data: { prefix: 'conformance/' } },
          status: 200,
          verify: async (_b, result) => {
            const listed = JSON.parse(result.text) as { Contents: Array<{ Key: string }> };
            expect(listed.Contents.map((object) => object.Key)).toEqual([key]);
          },
        },
        {
          title: 'presign answers a URL that serves the object',
          call: { operation: 'presign', metadata: { key, presignTTL: '5m' } },
          status: 200,
          verify: async (_b, result) => {
            const { presignURL } = JSON.parse(result.text) as { presignURL: string };
            expect(await (await fetch(presignURL)).text()).toBe(CONFORMANCE_BYTES);
          },
        },
        { title: 'delete removes it', call: { operation: 'delete', metadata: { key } }, status: 204 },
        { title: 'get after delete fails as daprd', call: { operation: 'get', metadata: { key } }, status: 500 },
        {
          title: 'bulkCreate uploads several objects',
          call: { operation: 'bulkCreate', data: { items: bulkKeys.map((k) => ({ key: k, data: `body of ${k}` })) } },
          status: 200,
          verify: async (backends, result) => {
            const answers = JSON.parse(result.text) as Array<{ key: string; location?: string; error?: string }>;
            expect(answers.map((answer) => [answer.key, answer.error])).toEqual(bulkKeys.map((k) => [k, undefined]));
            for (const k of bulkKeys) expect((await backends.aws.object(k)).body).toBe(`body of ${k}`);
          },
        },
        {
          title: 'bulkGet reads them back',
          call: { operation: 'bulkGet', data: { items: bulkKeys.map((k) => ({ key: k })) } },
          status: 200,
          verify: async (_b, result) => {
            const answers = JSON.parse(result.text) as Array<{ key: string; data?: string }>;
            expect(answers.map(({ key: k, data }) => [k, data])).toEqual(bulkKeys.map((k) => [k, `body of ${k}`]));
          },
        },
        {
          title: 'bulkDelete removes them',
          call: { operation: 'bulkDelete', data: { keys: bulkKeys } },
          status: 200,
          verify: async (backends) => {
            for (const k of bulkKeys) await expect(backends.aws.object(k)).rejects.toThrow();
          },
        },
      ];
    },
  },
  {
    type: 'bindings.aws.sqs',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-sqs',
      type: 'bindings.aws.sqs',
      metadata: { ...motoMetadata(), queueName: b.aws.queue },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create sends the bytes as the message body',
        call: { operation: 'create', data: CONFORMANCE_DATA },
        status: 204,
        verify: async (b) => expect(await b.aws.messages(b.aws.queue)).toEqual([CONFORMANCE_BYTES]),
      },
    ],
  },
  {
    type: 'bindings.aws.sns',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-sns',
      type: 'bindings.aws.sns',
      metadata: { ...motoMetadata(), topicArn: b.aws.topicArn },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create publishes message and subject',
        call: { operation: 'create', data: { message: 'order 7 shipped', subject: 'conformance' } },
        status: 204,
        verify: async (b) => {
          const notifications = (await b.aws.messages(b.aws.topicQueue)).map(
            (body) => JSON.parse(body) as { Message: string; Subject: string },
          );
          expect(notifications.map(({ Message, Subject }) => ({ Message, Subject }))).toEqual([
            { Message: 'order 7 shipped', Subject: 'conformance' },
          ]);
        },
      },
    ],
  },
  {
    type: 'bindings.aws.dynamodb',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-dynamodb',
      type: 'bindings.aws.dynamodb',
      metadata: { ...motoMetadata(), table: b.aws.table },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create puts the JSON object as an item',
        call: { operation: 'create', data: { id: 'conformance-1', count: 3, tags: ['a'], done: false, note: null } },
        status: 204,
        verify: async (b) =>
          expect(await b.aws.item('conformance-1')).toEqual({
            id: { S: 'conformance-1' },
            count: { N: '3' },
            tags: { L: [{ S: 'a' }] },
            done: { BOOL: false },
            note: { NULL: true },
          }),
      },
    ],
  },
  {
    type: 'bindings.aws.kinesis',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-kinesis',
      type: 'bindings.aws.kinesis',
      metadata: { ...motoMetadata(), streamName: b.aws.stream },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create puts a record with the partition key',
        call: { operation: 'create', data: CONFORMANCE_DATA, metadata: { partitionKey: 'conformance' } },
        status: 204,
        verify: async (b) =>
          expect(await b.aws.records()).toEqual([{ data: CONFORMANCE_BYTES, partitionKey: 'conformance' }]),
      },
    ],
  },
  {
    type: 'bindings.aws.ses',
    operations: ['create'],
    component: (b) => ({
      name: 'conf-ses',
      type: 'bindings.aws.ses',
      metadata: {
        ...motoMetadata(),
        endpoint: b.aws.sesMoto.endpoint,
        emailFrom: b.aws.sender,
        emailTo: 'team@example.com',
        subject: 'conformance',
      },
    }),
    steps: (): ConformanceStep[] => [
      {
        title: 'create sends the unquoted string as the HTML body',
        call: { operation: 'create', data: '<p>conformance</p>', metadata: { emailCc: 'audit@example.com' } },
        status: 204,
        verify: async (b) => {
          const mail = await b.aws.sentMail();
          expect(mail.map(({ subject, body, destinations }) => ({ subject, body, destinations }))).toEqual([
            {
              subject: 'conformance',
              body: '<p>conformance</p>',
              destinations: expect.objectContaining({
                ToAddresses: ['team@example.com'],
                CcAddresses: ['audit@example.com'],
              }),
            },
          ]);
        },
      },
    ],
  },
];
