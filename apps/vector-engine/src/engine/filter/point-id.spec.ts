import { canonicalUuid, normalizePointId, pointIdSlice } from './point-id';
import { mod64, siphash24Words } from './siphash';

const UUID = '550e8400-e29b-41d4-a716-446655440000';

describe('canonicalUuid', () => {
  it.each([
    UUID,
    UUID.toUpperCase(),
    UUID.replaceAll('-', ''),
    `{${UUID}}`,
    `urn:uuid:${UUID}`,
    `URN:UUID:${UUID.toUpperCase()}`,
  ])('reads %s', (text) => {
    expect(canonicalUuid(text)).toBe(UUID);
  });

  it.each([
    '',
    'abc',
    `${UUID}0`,
    UUID.replace('5', 'g'),
    `{${UUID}`,
    '550e8400-e29b41d4-a716-446655440000',
  ])('rejects %j', (text) => {
    expect(canonicalUuid(text)).toBeUndefined();
  });
});

describe('normalizePointId', () => {
  it('keeps unsigned integers and canonicalizes UUIDs', () => {
    expect(normalizePointId(0)).toBe(0);
    expect(normalizePointId(42)).toBe(42);
    expect(normalizePointId(UUID.toUpperCase())).toBe(UUID);
  });

  it.each([-1, 1.5, NaN, '42', null, {}, true])('rejects %j', (id) => {
    expect(normalizePointId(id)).toBeUndefined();
  });
});

describe('pointIdSlice', () => {
  it('uses the hash of the canonical id bytes', () => {
    const words = siphash24Words(new Uint8Array(8));
    expect(pointIdSlice(0, 1000)).toBe(mod64(words[0], words[1], 1000));
    // 0xe849e8bb6ffe2567 (Qdrant's contract value for id 0) mod 4 = 3.
    expect(pointIdSlice(0, 4)).toBe(3);
    expect(pointIdSlice(UUID, 2 ** 32 - 1)).toBe(Number(0xf5d0ca21ba34d504n % 0xffffffffn));
  });

  it('reads a UUID in any case and form', () => {
    expect(pointIdSlice(UUID.toUpperCase(), 97)).toBe(pointIdSlice(UUID, 97));
    expect(pointIdSlice(UUID.replaceAll('-', ''), 97)).toBe(pointIdSlice(UUID, 97));
  });

  it('splits ids into disjoint, covering and nested slices', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i * 7919 + 2 ** 40);
    const counts = [0, 0, 0, 0];
    for (const id of ids) {
      const slice = pointIdSlice(id, 4)!;
      counts[slice]++;
      // Same hash for every total: slice s of 4 lies inside slice s % 2 of 2.
      expect(pointIdSlice(id, 2)).toBe(slice % 2);
    }
    expect(counts.reduce((a, b) => a + b)).toBe(ids.length);
    for (const count of counts) expect(Math.abs(count - 500)).toBeLessThan(100);
  });

  it('gives undefined for ids that are not point ids', () => {
    expect(pointIdSlice(-1, 2)).toBeUndefined();
    expect(pointIdSlice('nope', 2)).toBeUndefined();
  });
});
