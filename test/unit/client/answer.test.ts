import { readAnswer } from '../../../src/client/answer';
import { DaprBindingError } from '../../../src/client/errors';

describe('readAnswer', () => {
  it('maps a 204 with metadata to {ok, data: undefined, metadata}', () => {
    expect(readAnswer({ statusCode: 204, metadata: { partition: '0', offset: '7' } })).toEqual({
      ok: true,
      data: undefined,
      metadata: { partition: '0', offset: '7' },
    });
  });

  it('defaults metadata to {} and passes JSON and text data through', () => {
    expect(readAnswer({ statusCode: 200, data: { x: [1, 'two'] } })).toEqual({
      ok: true,
      data: { x: [1, 'two'] },
      metadata: {},
    });
    expect(readAnswer({ statusCode: 200, data: 'plain' })).toEqual({ ok: true, data: 'plain', metadata: {} });
    expect(readAnswer({ statusCode: 200, data: null })).toEqual({ ok: true, data: null, metadata: {} });
  });

  it('decodes dataBase64 to a Buffer', () => {
    const result = readAnswer({ statusCode: 200, dataBase64: '/wA=' });
    expect(result).toEqual({ ok: true, data: Buffer.from([0xff, 0x00]), metadata: {} });
    expect(typeof result === 'object' && result.ok && Buffer.isBuffer(result.data)).toBe(true);
  });

  it('maps a status >= 400 to a DaprBindingError with code, message, status and metadata', () => {
    const result = readAnswer({
      statusCode: 500,
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: 'error invoking output binding checkout: boom',
      metadata: { partition: '1' },
    });
    if (typeof result !== 'object' || result.ok) throw new Error(`expected an error result, got ${String(result)}`);
    expect(result.error).toBeInstanceOf(DaprBindingError);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error).toMatchObject({
      name: 'DaprBindingError',
      errorCode: 'ERR_INVOKE_OUTPUT_BINDING',
      message: 'error invoking output binding checkout: boom',
      statusCode: 500,
      metadata: { partition: '1' },
    });
  });

  it('gives a 400 an empty metadata object', () => {
    const result = readAnswer({ statusCode: 400, errorCode: 'ERR_MALFORMED_REQUEST', message: 'bad' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400, metadata: {} }) });
  });

  it.each([
    [null, 'no {statusCode} object'],
    ['hello', 'no {statusCode} object'],
    [[{ statusCode: 204 }], 'no {statusCode} object'],
    [{ data: 1 }, 'an object without a numeric statusCode'],
    [{ statusCode: '204' }, 'an object without a numeric statusCode'],
    [{ statusCode: 204, metadata: { offset: 1 } }, 'metadata that is not string→string'],
    [{ statusCode: 500 }, 'status 500 without a Dapr errorCode and message'],
    [{ statusCode: 200, dataBase64: 5 }, 'a dataBase64 that is not a string'],
  ])('says why %j is no answer', (value, why) => {
    expect(readAnswer(value)).toBe(why);
  });
});
