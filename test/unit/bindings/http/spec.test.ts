import { checkComponentProperties } from '../../../../src/bindings/module';
import { DEFAULT_MAX_RESPONSE_BODY_SIZE, spec } from '../../../../src/bindings/http/spec';

describe('http binding spec', () => {
  it("lists daprd's operations in Operations() order", () => {
    expect(Object.keys(spec.operations)).toEqual([
      'create',
      'get',
      'head',
      'post',
      'put',
      'patch',
      'delete',
      'options',
      'trace',
    ]);
  });

  it('decodes url, responseTimeout and maxResponseBodySize (default 100 MB)', () => {
    const { config, errors } = checkComponentProperties(spec, { url: 'http://h/api', responseTimeout: '5s' });
    expect(errors).toEqual([]);
    expect(config.url).toBe('http://h/api');
    expect(config.responseTimeout).toBe(5_000);
    expect(config.maxResponseBodySize).toBe(DEFAULT_MAX_RESPONSE_BODY_SIZE);
    expect(spec.operationTimeoutMs(config)).toBe(5_000);
  });

  it('requires url and refuses a non-http one', () => {
    expect(checkComponentProperties(spec, {}).errors.join()).toContain('url');
    expect(checkComponentProperties(spec, { url: 'ftp://h' }).errors).toEqual(['property url must use http or https']);
  });

  it('refuses the mTLS fields as not supported yet', () => {
    const { errors } = checkComponentProperties(spec, { url: 'https://h', MTLSRootCA: '/ca.pem' });
    expect(errors).toEqual([
      'property MTLSRootCA: mTLS (client certificates and custom root CAs) is not supported yet by this project',
    ]);
  });
});
