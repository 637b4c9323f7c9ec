import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One STS Benchmark pair: two sentences and the human similarity score (0-5). */
export interface StsPair {
  first: string;
  second: string;
  score: number;
}

/** STS_DIR, else the repository's data/sts, else the shared data set of this workplace. */
export function findStsDir(root: string): string {
  const candidates = [process.env['STS_DIR'], join(root, 'data', 'sts'), '/work/shared/data/sts'];
  const found = candidates.find(
    (dir) => dir !== undefined && existsSync(join(dir, 'stsb-en-dev.csv')),
  );
  if (!found) {
    throw new Error(
      'STS Benchmark not found: set STS_DIR to a folder with stsb-en-{dev,train}.csv',
    );
  }
  return found;
}

/** The splits are RFC 4180 CSV without a header (a header row, if present, is skipped). */
export function readSts(file: string): StsPair[] {
  const records = parseCsv(readFileSync(file, 'utf8'));
  if (records[0]?.[2] === 'score') records.shift();
  return records.map((record, line) => {
    const score = Number(record[2]);
    if (record.length !== 3 || !(score >= 0 && score <= 5)) {
      throw new Error(`${file}:${line + 1}: expected sentence1,sentence2,score (0-5)`);
    }
    return { first: record[0], second: record[1], score };
  });
}

/** Quoted fields may hold commas, doubled quotes and line breaks; lines end in LF or CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Every distinct sentence of the STS dev and train splits, in file order: a pool of real text. */
export function stsSentences(root: string): string[] {
  const dir = findStsDir(root);
  const pairs = ['stsb-en-dev.csv', 'stsb-en-train.csv'].flatMap((file) =>
    readSts(join(dir, file)),
  );
  return [...new Set(pairs.flatMap((pair) => [pair.first, pair.second]))];
}
