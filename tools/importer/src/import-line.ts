/** One JSONL line, understood: a text to ingest, a point with its vector, or why it is neither. */
export type ImportLine =
  | { kind: 'text'; line: number; document: TextDocument }
  | { kind: 'vector'; line: number; point: VectorPoint }
  | { kind: 'invalid'; line: number; error: string };

export interface TextDocument {
  source_uid: string;
  text: string;
  metadata?: Record<string, unknown>;
  type?: string;
  language?: string;
}

export interface VectorPoint {
  id?: string | number;
  vector: number[];
  payload?: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A line of `{source_uid?, text, metadata?}` or `{id?, vector, payload?}`. A text without
 * source_uid gets `<file>:<line>`, so importing the same file again lands on the same chunks.
 */
export function parseLine(raw: string, line: number, file: string): ImportLine | undefined {
  if (raw.trim().length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'invalid', line, error: 'not valid JSON' };
  }
  if (!isObject(value)) return { kind: 'invalid', line, error: 'a line must be a JSON object' };
  if (Array.isArray(value['vector'])) {
    if (!value['vector'].every((x) => typeof x === 'number' && Number.isFinite(x)))
      return { kind: 'invalid', line, error: 'vector must hold only finite numbers' };
    if (value['payload'] !== undefined && !isObject(value['payload']))
      return { kind: 'invalid', line, error: 'payload must be an object' };
    const point: VectorPoint = { vector: value['vector'] as number[] };
    if (typeof value['id'] === 'string' || typeof value['id'] === 'number') point.id = value['id'];
    if (value['payload'] !== undefined) point.payload = value['payload'] as Record<string, unknown>;
    return { kind: 'vector', line, point };
  }
  if (typeof value['text'] === 'string') {
    const { source_uid, ...rest } = value;
    return {
      kind: 'text',
      line,
      document: {
        ...(rest as Omit<TextDocument, 'source_uid'>),
        source_uid: typeof source_uid === 'string' && source_uid ? source_uid : `${file}:${line}`,
      },
    };
  }
  return { kind: 'invalid', line, error: 'a line needs "text" (a document) or "vector" (a point)' };
}
