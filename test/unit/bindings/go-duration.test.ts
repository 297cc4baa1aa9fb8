import { goParseDuration } from '../../../src/bindings/go-duration';

describe('goParseDuration', () => {
  it("parses durations as time.ParseDuration (nanoseconds) with Go's errors", () => {
    expect(goParseDuration('1h2m3.5s')).toBe(3_723_500_000_000);
    expect(goParseDuration('-1.5ms')).toBe(-1_500_000);
    expect(goParseDuration('.5s')).toBe(500_000_000);
    expect(goParseDuration('300µs')).toBe(300_000);
    expect(() => goParseDuration('s')).toThrow('time: invalid duration "s"');
    expect(() => goParseDuration('.s')).toThrow('time: invalid duration ".s"');
    expect(() => goParseDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => goParseDuration('5w')).toThrow('time: unknown unit "w" in duration "5w"');
  });
});
