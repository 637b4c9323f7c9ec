const imul = Math.imul;
const EMPTY = -1;

/** The arrays a WordIndex is made of; stored as they are in the cache file. */
export interface WordIndexData {
  /** The words as UTF-8, one after the other. */
  bytes: Uint8Array;
  /** Row i's word is bytes[offsets[i]..offsets[i+1]]: count + 1 entries. */
  offsets: Uint32Array;
  /** Open-addressing hash table (linear probing) of rows; -1 marks a free slot. */
  slots: Int32Array;
}

/**
 * Word to row lookup that is stored in the cache and so costs nothing to load: building a Map
 * of 341k words took ~100 ms of a ~200 ms start and ~40 MiB of heap; this is two typed-array
 * views over the file. Lookups hash the JS string (UTF-16 code units) and compare bytes.
 */
export class WordIndex {
  readonly count: number;
  private readonly mask: number;
  private readonly decoder = new TextDecoder();

  constructor(readonly data: WordIndexData) {
    this.count = data.offsets.length - 1;
    this.mask = data.slots.length - 1;
  }

  /** Builds the index of `words`; for a repeated word the first (most frequent) row wins. */
  static build(words: readonly string[]): WordIndex {
    const encoded = words.map((word) => Buffer.from(word, 'utf8'));
    const offsets = new Uint32Array(words.length + 1);
    encoded.forEach((bytes, row) => (offsets[row + 1] = offsets[row] + bytes.length));
    const bytes = new Uint8Array(offsets[words.length]);
    encoded.forEach((word, row) => bytes.set(word, offsets[row]));
    const index = new WordIndex({ bytes, offsets, slots: new Int32Array(slotCount(words.length)) });
    index.data.slots.fill(EMPTY);
    words.forEach((word, row) => {
      let slot = hashWord(word) & index.mask;
      while (index.data.slots[slot] !== EMPTY) {
        if (index.matches(word, index.data.slots[slot])) return;
        slot = (slot + 1) & index.mask;
      }
      index.data.slots[slot] = row;
    });
    return index;
  }

  indexOf(word: string): number | undefined {
    const slots = this.data.slots;
    for (let slot = hashWord(word) & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = slots[slot];
      if (row === EMPTY) return undefined;
      if (this.matches(word, row)) return row;
    }
  }

  word(row: number): string {
    const { bytes, offsets } = this.data;
    return this.decoder.decode(bytes.subarray(offsets[row], offsets[row + 1]));
  }

  private matches(word: string, row: number): boolean {
    const start = this.data.offsets[row];
    const length = this.data.offsets[row + 1] - start;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      // Beyond ASCII, code units and UTF-8 bytes differ: compare the decoded word (rare).
      if (code >= 0x80) return this.word(row) === word;
      if (i >= length || this.data.bytes[start + i] !== code) return false;
    }
    return length === word.length;
  }
}

/** Slots for `count` words: a power of two at least twice the count, so probes stay short. */
export function slotCount(count: number): number {
  let slots = 2;
  while (slots < 2 * count) slots *= 2;
  return slots;
}

/** FNV-1a over UTF-16 code units, then MurmurHash3's finaliser so the low bits mix well. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = imul(hash ^ word.charCodeAt(i), 0x01000193);
  hash = imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
