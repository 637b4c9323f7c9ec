import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { GloveSifProvider } from './glove-sif.provider';

// Kept between runs: the first run converts the wink JSON (a few seconds), later ones load it.
const CACHE_DIR = join(tmpdir(), 'aip-glove-sif-test-cache');

const cosine = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, d) => sum + value * b[d], 0);

describe('GloveSifProvider', () => {
  it('names itself and refuses to embed before init', async () => {
    const provider = new GloveSifProvider({ cacheDir: CACHE_DIR });
    expect([provider.kind, provider.model, provider.dimension]).toEqual([
      'glove-sif',
      'glove-6b-100d-usif',
      0,
    ]);
    expect(new GloveSifProvider({ cacheDir: CACHE_DIR, weighting: 'sif' }).model).toBe(
      'glove-6b-100d-sif',
    );
    await expect(provider.embed(['hello'])).rejects.toMatchObject({
      constructor: PlatformError,
      code: ErrorCode.ModelNotLoaded,
    });
  });

  describe.each(['usif', 'sif'] as const)('with the real word vectors (%s)', (weighting) => {
    const provider = new GloveSifProvider({ cacheDir: CACHE_DIR, weighting, model: 'default' });
    beforeAll(() => provider.init(), 120_000);
    afterAll(() => provider.dispose());

    it('embeds into 100 unit-length dimensions, one vector per text, in order', async () => {
      expect(provider.model).toBe('default');
      expect(provider.dimension).toBe(100);
      const texts = ['A man is playing a guitar.', 'Stocks fell.', 'A man is playing a guitar.'];
      const vectors = await provider.embed(texts);
      expect(vectors).toHaveLength(3);
      for (const vector of vectors) {
        expect(vector).toHaveLength(100);
        expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
      }
      expect(vectors[2]).toEqual(vectors[0]);
    });

    it('puts sentences about the same thing closer than unrelated ones', async () => {
      const [guitar, person, market] = await provider.embed([
        'a man is playing a guitar',
        'a person plays the guitar',
        'the stock market fell sharply',
      ]);
      expect(cosine(guitar, person)).toBeGreaterThan(cosine(guitar, market) + 0.2);
    });

    it('gives texts without words one defined unit vector', async () => {
      const [empty, blank, punctuation] = await provider.embed(['', '  \n', '?!']);
      expect(Math.hypot(...empty)).toBeCloseTo(1, 5);
      expect(blank).toEqual(empty);
      expect(punctuation).toEqual(empty);
    });

    it('embeds a batch of long texts', async () => {
      const long = 'The quick brown fox jumps over the lazy dog. '.repeat(300);
      const vectors = await provider.embed(Array.from({ length: 20 }, () => long));
      expect(vectors.every((vector) => vector.every(Number.isFinite))).toBe(true);
    });
  });
});
