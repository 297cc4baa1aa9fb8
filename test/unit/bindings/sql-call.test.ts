import { startSqlCall } from '../../../src/bindings/sql-call';

describe('startSqlCall', () => {
  it("sets daprd's SQL response metadata: operation, sql and times in Go's formats", () => {
    const timer = startSqlCall('exec', 'DELETE FROM t');
    expect(timer.metadata).toEqual({ operation: 'exec', sql: 'DELETE FROM t', 'start-time': expect.any(String) });
    timer.metadata['rows-affected'] = '3';
    const metadata = timer.finish();
    expect(metadata).toEqual({
      operation: 'exec',
      sql: 'DELETE FROM t',
      'rows-affected': '3',
      'start-time': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/),
      'end-time': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/),
      duration: expect.stringMatching(/^\d+(\.\d+)?(ns|µs|ms|s)$/),
    });
    expect(metadata['end-time']! >= metadata['start-time']!).toBe(true);
  });
});
