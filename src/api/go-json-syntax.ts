/**
 * Finds the first syntax error in a JSON body and words it as Go's `encoding/json` scanner does,
 * byte by byte, so that daprd's 400 messages for malformed bodies are reproduced. Only the first
 * JSON value is scanned: Go's `Decoder.Decode` stops there and ignores what follows.
 */

/** Go's `maxNestingDepth`: deeper nesting is a syntax error in daprd too. */
export const MAX_NESTING_DEPTH = 10_000;

type Container = 'object-key' | 'object-value' | 'array';

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

const SHORT_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
  0x5c: '\\\\',
};

/** Go's `quoteChar`: the byte read as a rune, quoted the way `strconv.Quote` would write it. */
export function goQuoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const short = SHORT_ESCAPES[c];
  if (short) return `'${short}'`;
  const hex = c.toString(16).padStart(2, '0');
  if (c < 0x20 || c === 0x7f) return `'\\x${hex}'`;
  // C1 controls, no-break space and soft hyphen are not printable for Go.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${hex}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** The scanner's position: a state function per byte, and the stack of open containers. */
class Scanner {
  private readonly stack: Container[] = [];
  private step: (c: number) => void = (c) => this.beginValue(c);
  done = false;
  error: string | undefined;

  feed(c: number): void {
    this.step(c);
  }

  private fail(c: number, context: string): void {
    this.error = `invalid character ${goQuoteChar(c)} ${context}`;
  }

  private push(c: number, container: Container): boolean {
    this.stack.push(container);
    if (this.stack.length > MAX_NESTING_DEPTH) {
      this.fail(c, 'exceeded max depth');
      return false;
    }
    return true;
  }

  private beginValue(c: number): void {
    if (SPACE.has(c)) return;
    switch (c) {
      case 0x7b: // {
        if (this.push(c, 'object-key')) this.step = (n) => this.beginKeyOrEmpty(n);
        return;
      case 0x5b: // [
        if (this.push(c, 'array')) this.step = (n) => this.beginValueOrEmpty(n);
        return;
      case 0x22: // "
        this.step = (n) => this.inString(n);
        return;
      case 0x2d: // -
        this.step = (n) => this.afterMinus(n);
        return;
      case 0x30: // 0
        this.step = (n) => this.afterZero(n);
        return;
      case 0x74: // t
        return this.literal('true');
      case 0x66: // f
        return this.literal('false');
      case 0x6e: // n
        return this.literal('null');
    }
    if (isDigit(c)) this.step = (n) => this.inInteger(n);
    else this.fail(c, 'looking for beginning of value');
  }

  private beginValueOrEmpty(c: number): void {
    if (SPACE.has(c)) return;
    if (c === 0x5d) return this.endValue(c);
    this.beginValue(c);
  }

  private beginKeyOrEmpty(c: number): void {
    if (SPACE.has(c)) return;
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = 'object-value';
      return this.endValue(c);
    }
    this.beginKey(c);
  }

  private beginKey(c: number): void {
    if (SPACE.has(c)) return;
    if (c === 0x22) this.step = (n) => this.inString(n);
    else this.fail(c, 'looking for beginning of object key string');
  }

  private inString(c: number): void {
    if (c === 0x22) this.step = (n) => this.endValue(n);
    else if (c === 0x5c) this.step = (n) => this.inEscape(n);
    else if (c < 0x20) this.fail(c, 'in string literal');
  }

  private inEscape(c: number): void {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) this.step = (n) => this.inString(n);
    else if (c === 0x75) this.step = this.hexDigits(4);
    else this.fail(c, 'in string escape code');
  }

  private hexDigits(left: number): (c: number) => void {
    return (c) => {
      if (!isHex(c)) return this.fail(c, 'in \\u hexadecimal character escape');
      this.step = left > 1 ? this.hexDigits(left - 1) : (n) => this.inString(n);
    };
  }

  private afterMinus(c: number): void {
    if (c === 0x30) this.step = (n) => this.afterZero(n);
    else if (isDigit(c)) this.step = (n) => this.inInteger(n);
    else this.fail(c, 'in numeric literal');
  }

  private inInteger(c: number): void {
    if (isDigit(c)) return;
    this.afterZero(c);
  }

  private afterZero(c: number): void {
    if (c === 0x2e) this.step = (n) => this.afterDot(n);
    else if (c === 0x65 || c === 0x45) this.step = (n) => this.afterE(n);
    else this.endValue(c);
  }

  private afterDot(c: number): void {
    if (isDigit(c)) this.step = (n) => this.inFraction(n);
    else this.fail(c, 'after decimal point in numeric literal');
  }

  private inFraction(c: number): void {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) this.step = (n) => this.afterE(n);
    else this.endValue(c);
  }

  private afterE(c: number): void {
    if (c === 0x2b || c === 0x2d) this.step = (n) => this.afterESign(n);
    else this.afterESign(c);
  }

  private afterESign(c: number): void {
    if (isDigit(c)) this.step = (n) => this.inExponent(n);
    else this.fail(c, 'in exponent of numeric literal');
  }

  private inExponent(c: number): void {
    if (!isDigit(c)) this.endValue(c);
  }

  private literal(word: string): void {
    let index = 1;
    this.step = (c) => {
      const expected = word.charCodeAt(index);
      if (c !== expected) return this.fail(c, `in literal ${word} (expecting ${goQuoteChar(expected)})`);
      index += 1;
      if (index === word.length) this.step = (n) => this.endValue(n);
    };
  }

  private endValue(c: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.done = true;
      return;
    }
    if (SPACE.has(c)) {
      this.step = (n) => this.endValue(n);
      return;
    }
    if (top === 'object-key') {
      if (c !== 0x3a) return this.fail(c, 'after object key');
      this.stack[this.stack.length - 1] = 'object-value';
      this.step = (n) => this.beginValue(n);
    } else if (top === 'object-value') {
      if (c === 0x2c) {
        this.stack[this.stack.length - 1] = 'object-key';
        this.step = (n) => this.beginKey(n);
      } else if (c === 0x7d) this.pop();
      else this.fail(c, 'after object key:value pair');
    } else if (c === 0x2c) this.step = (n) => this.beginValue(n);
    else if (c === 0x5d) this.pop();
    else this.fail(c, 'after array element');
  }

  private pop(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.done = true;
    else this.step = (n) => this.endValue(n);
  }
}

/** Go's error text for the first JSON value of `bytes`, or undefined when that value is well-formed. */
export function goSyntaxError(bytes: Uint8Array): string | undefined {
  const scanner = new Scanner();
  let sawValue = false;
  for (const c of bytes) {
    if (!SPACE.has(c)) sawValue = true;
    scanner.feed(c);
    if (scanner.error !== undefined) return scanner.error;
    if (scanner.done) return undefined;
  }
  // A number at the very end is complete; anything else unfinished is a truncated body.
  scanner.feed(0x20);
  if (scanner.error !== undefined || scanner.done) return scanner.error;
  return sawValue ? 'unexpected EOF' : 'EOF';
}
