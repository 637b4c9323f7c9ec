import { mod64, siphash24Words } from './siphash';

// Qdrant reads a UUID in any form the Rust `uuid` crate parses (hyphenated, 32 hex digits,
// braced, `urn:uuid:`) and compares UUIDs, not strings; the canonical form is lowercase hyphenated.
const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIMPLE = /^[0-9a-f]{32}$/i;

/** The canonical form of a UUID string, or undefined when `text` is not a UUID. */
export function canonicalUuid(text: string): string | undefined {
  if (CANONICAL.test(text)) return text;
  let body = text;
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  else if (body.toLowerCase().startsWith('urn:uuid:')) body = body.slice(9);
  if (HYPHENATED.test(body)) return body.toLowerCase();
  if (SIMPLE.test(text)) {
    const hex = text.toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return undefined;
}

/** A point id as the filter compares it: an unsigned integer or a canonical UUID. */
export function normalizePointId(id: unknown): number | string | undefined {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
  return typeof id === 'string' ? canonicalUuid(id) : undefined;
}

const idBytes = new Uint8Array(16);
const numericIdBytes = idBytes.subarray(0, 8);

/**
 * The slice of `total` a point id falls into: SipHash-2-4 with a zero key over 8 little-endian
 * bytes for numeric ids or the 16 RFC 4122 bytes of a UUID, modulo total (Qdrant's contract).
 * Undefined for an id that is neither.
 */
export function pointIdSlice(id: number | string, total: number): number | undefined {
  let words: Uint32Array;
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id) || id < 0) return undefined;
    const lo = id % 0x100000000;
    const hi = Math.floor(id / 0x100000000);
    for (let i = 0; i < 4; i++) {
      numericIdBytes[i] = (lo >>> (8 * i)) & 0xff;
      numericIdBytes[i + 4] = (hi >>> (8 * i)) & 0xff;
    }
    words = siphash24Words(numericIdBytes);
  } else {
    const uuid = canonicalUuid(id);
    if (uuid === undefined) return undefined;
    const hex = uuid.replaceAll('-', '');
    for (let i = 0; i < 16; i++) idBytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    words = siphash24Words(idBytes);
  }
  return mod64(words[0], words[1], total);
}
