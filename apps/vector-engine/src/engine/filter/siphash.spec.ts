import { mod64, siphash24 } from './siphash';

describe('siphash24', () => {
  // Reference vectors of the SipHash paper: key 00..0f, messages 00, 00 01, 00 01 02, ...
  const key = Uint8Array.from({ length: 16 }, (_, i) => i);
  const reference = [
    0x726fdb47dd0e0e31n,
    0x74f839c593dc67fdn,
    0x0d6c8009d9a94f5an,
    0x85676696d7fb7e2dn,
    0xcf2794e0277187b7n,
    0x18765564cd99a68dn,
    0xcbc9466e58fee3cen,
    0xab0200f58b01d137n,
  ];

  it.each(reference.map((expected, length) => [length, expected]))(
    'matches the reference vector for a %i-byte message',
    (length, expected) => {
      const message = Uint8Array.from({ length: Number(length) }, (_, i) => i);
      expect(siphash24(message, key)).toBe(expected);
    },
  );

  // Qdrant's frozen slice contract: zero key over the canonical id bytes.
  it('matches Qdrant slice hashes of numeric ids (8 little-endian bytes)', () => {
    const bytes = (n: number) => Uint8Array.from({ length: 8 }, (_, i) => (n / 256 ** i) & 0xff);
    expect(siphash24(bytes(0))).toBe(0xe849e8bb6ffe2567n);
    expect(siphash24(bytes(42))).toBe(0x0fc2553f07619dd3n);
  });

  it('matches the Qdrant slice hash of a UUID (16 RFC 4122 bytes)', () => {
    const hex = '550e8400e29b41d4a716446655440000';
    const bytes = Uint8Array.from({ length: 16 }, (_, i) =>
      parseInt(hex.slice(2 * i, 2 * i + 2), 16),
    );
    expect(siphash24(bytes)).toBe(0xf5d0ca21ba34d504n);
  });

  it('hashes messages longer than one block', () => {
    const message = Uint8Array.from({ length: 23 }, (_, i) => i * 7);
    const again = Uint8Array.from(message);
    expect(siphash24(message, key)).toBe(siphash24(again, key));
    expect(siphash24(message, key)).not.toBe(siphash24(message.subarray(0, 22), key));
  });
});

describe('mod64', () => {
  it.each([
    [0xffffffff, 0xffffffff, 7],
    [0x12345678, 0x9abcdef0, 1000003],
    [0xe849e8bb, 0x6ffe2567, 0xffffffff],
    [0, 5, 3],
  ])('computes (%i * 2^32 + %i) mod %i exactly', (hi, lo, divisor) => {
    const expected = ((BigInt(hi) << 32n) | BigInt(lo)) % BigInt(divisor);
    expect(mod64(hi, lo, divisor)).toBe(Number(expected));
  });
});
