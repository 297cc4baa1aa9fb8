import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { BindingsRuntime } from '../../../../src/runtime/bindings-runtime';
import { errorOf, post, realRuntime } from '../../../support/kafka-runtime';
import { uniqueName } from '../../../support/aws';
import { countItems, createTable, dynamodbComponent, getItem, getItemJson, rawDynamoDb } from './dynamodb-support';

jest.setTimeout(60_000);

/** daprd's text for an error DynamoDB answered: the Go SDK's `operation error DynamoDB: PutItem, …`. */
function awsError(binding: string, apiError: string): RegExp {
  const escaped = apiError.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^error invoking output binding ${binding}: operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: \\S+, ${escaped}$`,
  );
}

describe('aws.dynamodb binding against moto', () => {
  let client: DynamoDBClient;
  let runtime: BindingsRuntime;
  const table = uniqueName('items');
  const missing = uniqueName('missing');

  beforeAll(async () => {
    client = rawDynamoDb();
    await createTable(client, table);
    runtime = realRuntime([
      dynamodbComponent('items', table),
      dynamodbComponent('missing-table', missing),
      dynamodbComponent('other-region', table, { region: 'eu-west-1' }),
    ]);
  });

  afterAll(async () => {
    await runtime?.close();
    client?.destroy();
  });

  it('writes the JSON object as one item with the attribute types Go gives it, and answers 204', async () => {
    const data = {
      id: 'typed',
      text: '<a&b> é',
      empty: '',
      whole: 42,
      zero: 0,
      fraction: -0.25,
      large: 1e21,
      small: 1e-7,
      imprecise: 'IMPRECISE',
      negativeZero: 'NEGATIVE_ZERO',
      yes: true,
      no: false,
      nothing: null,
      emptyList: [],
      emptyMap: {},
      list: ['x', 1, null, ['y'], { k: 'v' }],
      nested: { a: { b: [true] } },
    };
    // Number texts JSON.stringify cannot write, sent as the caller would.
    const body = JSON.stringify({ operation: 'create', data })
      .replace('"IMPRECISE"', '12345678901234567890')
      .replace('"NEGATIVE_ZERO"', '-0');
    const response = await post(runtime, 'items', body);
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    expect(await getItem(client, table, 'typed')).toEqual({
      id: { S: 'typed' },
      text: { S: '<a&b> é' },
      empty: { S: '' },
      whole: { N: '42' },
      zero: { N: '0' },
      fraction: { N: '-0.25' },
      large: { N: '1000000000000000000000' },
      small: { N: '0.0000001' },
      imprecise: { N: '12345678901234567000' },
      negativeZero: { N: '-0' },
      yes: { BOOL: true },
      no: { BOOL: false },
      nothing: { NULL: true },
      emptyList: { L: [] },
      emptyMap: { M: {} },
      list: { L: [{ S: 'x' }, { N: '1' }, { NULL: true }, { L: [{ S: 'y' }] }, { M: { k: { S: 'v' } } }] },
      nested: { M: { a: { M: { b: { L: [{ BOOL: true }] } } } } },
    });
  });

  it('replaces an item with the same key, as PutItem does', async () => {
    expect((await post(runtime, 'items', { operation: 'create', data: { id: 'again', v: 1, w: 'x' } })).status).toBe(
      204,
    );
    expect((await post(runtime, 'items', { operation: 'create', data: { id: 'again', v: 2 } })).status).toBe(204);
    expect(await getItem(client, table, 'again')).toEqual({ id: { S: 'again' }, v: { N: '2' } });
  });

  it('keeps __proto__ as an ordinary attribute name', async () => {
    const body = '{"operation":"create","data":{"id":"proto","__proto__":{"x":"y"}}}';
    expect((await post(runtime, 'items', body)).status).toBe(204);
    const stored = JSON.stringify(await getItemJson(table, 'proto'));
    expect(stored).toBe('{"Item":{"__proto__":{"M":{"x":{"S":"y"}}},"id":{"S":"proto"}}}');
  });

  it("answers daprd's error for a table that does not exist", async () => {
    const response = await post(runtime, 'missing-table', { operation: 'create', data: { id: 'a' } });
    expect(response.status).toBe(500);
    expect(errorOf(response).errorCode).toBe('ERR_INVOKE_OUTPUT_BINDING');
    expect(errorOf(response).message).toMatch(
      awsError('missing-table', 'ResourceNotFoundException: Requested resource not found'),
    );
  });

  it('does not find the table from another region', async () => {
    const response = await post(runtime, 'other-region', { operation: 'create', data: { id: 'elsewhere' } });
    expect(response.status).toBe(500);
    expect(errorOf(response).message).toMatch(
      awsError('other-region', 'ResourceNotFoundException: Requested resource not found'),
    );
    expect(await getItem(client, table, 'elsewhere')).toBeUndefined();
  });

  describe('data of the wrong shape writes nothing', () => {
    let shapes: string;
    let shaped: BindingsRuntime;

    beforeAll(async () => {
      shapes = uniqueName('shapes');
      await createTable(client, shapes);
      shaped = realRuntime([dynamodbComponent('shapes', shapes)]);
    });

    afterAll(async () => {
      await shaped?.close();
    });

    it.each([
      ['a string', 'hello'],
      ['a number', 7],
      ['an array', [{ id: 'a' }]],
      ['null', null],
      ['no data at all', undefined],
      ['an empty object', {}],
    ])("sends daprd's empty item for %s, which DynamoDB refuses", async (_label, data) => {
      const response = await post(
        shaped,
        'shapes',
        data === undefined ? { operation: 'create' } : { operation: 'create', data },
      );
      expect(response.status).toBe(500);
      expect(errorOf(response).message).toMatch(
        awsError(
          'shapes',
          'api error ValidationException: One or more parameter values were invalid: Missing the key id in the item',
        ),
      );
    });

    it.each([
      ['at the top', { id: 'a', '': 1 }],
      ['in a nested map', { id: 'a', m: { x: { '': true } } }],
    ])("refuses an empty attribute name %s with Go's marshal error, before calling AWS", async (_label, data) => {
      const response = await post(shaped, 'shapes', { operation: 'create', data });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
        message: 'error invoking output binding shapes: marshal failed, map key cannot be empty',
      });
    });

    it('answers the type mismatch DynamoDB reports for a key of the wrong type', async () => {
      const response = await post(shaped, 'shapes', { operation: 'create', data: { id: 1 } });
      expect(response.status).toBe(500);
      expect(errorOf(response).message).toMatch(
        /api error ValidationException: One or more parameter values were invalid: Type mismatch/,
      );
    });

    it('left the table empty', async () => {
      expect(await countItems(client, shapes)).toBe(0);
    });
  });
});
