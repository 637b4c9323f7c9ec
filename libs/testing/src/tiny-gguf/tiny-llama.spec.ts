import { createHash } from 'node:crypto';
import { GGUF_ALIGNMENT } from './gguf-writer';
import { SeededRandom } from './seeded-random';
import { buildTinyLlama } from './tiny-llama';
import { buildTinyVocab } from './tiny-llama-vocab';

/** Reads a GGUF header's counts and the string metadata that comes before any array. */
function readHeader(file: Buffer) {
  let at = 0;
  const u32 = () => ((at += 4), file.readUInt32LE(at - 4));
  const u64 = () => ((at += 8), Number(file.readBigUInt64LE(at - 8)));
  const str = () => {
    const length = u64();
    at += length;
    return file.toString('utf8', at - length, at);
  };
  const magic = file.toString('ascii', 0, 4);
  at = 4;
  const header = { magic, version: u32(), tensors: u64(), metadata: u64() };
  const strings: Record<string, string> = {};
  for (let i = 0; i < 2; i++) {
    const key = str();
    expect(u32()).toBe(8);
    strings[key] = str();
  }
  return { ...header, strings };
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('tiny llama GGUF writer', () => {
  it('writes a GGUF v3 llama file of the documented layout, padded to the alignment', () => {
    const file = buildTinyLlama();
    const header = readHeader(file);
    expect(header).toMatchObject({ magic: 'GGUF', version: 3, tensors: 3 + 2 * 9 });
    expect(header.strings).toEqual({
      'general.architecture': 'llama',
      'general.name': 'aip-tiny-llama',
    });
    expect(file.length % GGUF_ALIGNMENT).toBe(0);
    expect(file.length).toBeGreaterThan(700_000);
    expect(file.length).toBeLessThan(1_000_000);
  });

  it('is deterministic: the same options give the same bytes, another seed other weights', () => {
    expect(sha(buildTinyLlama({ seed: 7 }))).toBe(sha(buildTinyLlama({ seed: 7 })));
    expect(sha(buildTinyLlama({ seed: 7 }))).not.toBe(sha(buildTinyLlama({ seed: 8 })));
  });

  it('grows with the embedding length and carries a chat template when given', () => {
    const small = buildTinyLlama({ embeddingLength: 32 });
    const large = buildTinyLlama({ embeddingLength: 128 });
    expect(large.length).toBeGreaterThan(small.length * 3);
    const template = '{% for m in messages %}{{ m.content }}{% endfor %}';
    expect(buildTinyLlama({ chatTemplate: template }).includes(template)).toBe(true);
    expect(() => buildTinyLlama({ embeddingLength: 30, headCount: 4 })).toThrow(
      'embeddingLength 30 must be a multiple of headCount 4',
    );
  });

  it('builds a SentencePiece vocabulary: specials, 256 byte pieces, then word prefixes', () => {
    const vocab = buildTinyVocab(['kitchen', 'kit']);
    expect(vocab.tokens.slice(0, 4)).toEqual(['<unk>', '<s>', '</s>', '<0x00>']);
    expect(vocab.tokens[3 + 0xab]).toBe('<0xAB>');
    expect(vocab.tokens).toContain('\u2581kit');
    expect(vocab.tokens).toContain('\u2581kitchen');
    expect(new Set(vocab.tokens).size).toBe(vocab.tokens.length);
    expect(vocab.scores).toHaveLength(vocab.tokens.length);
  });

  it('draws the same normal numbers from the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const draws = Array.from({ length: 10_000 }, () => a.normal());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.normal()));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
