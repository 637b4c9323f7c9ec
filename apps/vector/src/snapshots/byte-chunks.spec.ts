import { byteChunks } from './byte-chunks';

async function collect(pieces: number[], size: number): Promise<Buffer[]> {
  let next = 0;
  async function* source() {
    for (const length of pieces) {
      yield Uint8Array.from({ length }, () => next++ % 256);
    }
  }
  const out: Buffer[] = [];
  for await (const chunk of byteChunks(source(), size)) out.push(chunk);
  return out;
}

describe('byteChunks', () => {
  it('regroups reads of any size into pieces of the chunk size, bytes in order', async () => {
    const chunks = await collect([3, 10, 1, 7, 2], 4);
    expect(chunks.map((c) => c.length)).toEqual([4, 4, 4, 4, 4, 3]);
    const all = Buffer.concat(chunks);
    expect([...all]).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });

  it('splits one large read into several pieces', async () => {
    const chunks = await collect([10], 3);
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 3, 1]);
  });

  it('gives one empty piece for an empty source, and no empty tail after an exact fit', async () => {
    expect((await collect([], 4)).map((c) => c.length)).toEqual([0]);
    expect((await collect([4, 4], 4)).map((c) => c.length)).toEqual([4, 4]);
  });
});
