// SipHash-2-4 (Aumasson & Bernstein), the hash behind Qdrant's slice condition. JavaScript has no
// 64-bit integers short of BigInt, which is far too slow for a per-point check, so every 64-bit
// word is a pair of 32-bit halves in a scratch array: v[2i] high, v[2i + 1] low.

const v = new Uint32Array(8);
const result = new Uint32Array(2);

function add(a: number, b: number): void {
  const lo = v[a + 1] + v[b + 1];
  v[a] = v[a] + v[b] + (lo > 0xffffffff ? 1 : 0);
  v[a + 1] = lo;
}

function xor(a: number, b: number): void {
  v[a] = v[a] ^ v[b];
  v[a + 1] = v[a + 1] ^ v[b + 1];
}

function rotl(a: number, bits: number): void {
  const hi = v[a];
  const lo = v[a + 1];
  if (bits === 32) {
    v[a] = lo;
    v[a + 1] = hi;
  } else if (bits < 32) {
    v[a] = (hi << bits) | (lo >>> (32 - bits));
    v[a + 1] = (lo << bits) | (hi >>> (32 - bits));
  } else {
    const b = bits - 32;
    v[a] = (lo << b) | (hi >>> (32 - b));
    v[a + 1] = (hi << b) | (lo >>> (32 - b));
  }
}

const V0 = 0;
const V1 = 2;
const V2 = 4;
const V3 = 6;

function sipRound(): void {
  add(V0, V1);
  rotl(V1, 13);
  xor(V1, V0);
  rotl(V0, 32);
  add(V2, V3);
  rotl(V3, 16);
  xor(V3, V2);
  add(V0, V3);
  rotl(V3, 21);
  xor(V3, V0);
  add(V2, V1);
  rotl(V1, 17);
  xor(V1, V2);
  rotl(V2, 32);
}

function littleEndianWord(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function compress(hi: number, lo: number, rounds: number): void {
  v[V3] = v[V3] ^ hi;
  v[V3 + 1] = v[V3 + 1] ^ lo;
  for (let i = 0; i < rounds; i++) sipRound();
  v[V0] = v[V0] ^ hi;
  v[V0 + 1] = v[V0 + 1] ^ lo;
}

/**
 * Hashes `message` with a 16-byte `key` (zero by default); the 64-bit result is left in the
 * returned array as [high, low]. The array is reused by the next call.
 */
export function siphash24Words(message: Uint8Array, key?: Uint8Array): Uint32Array {
  const k0hi = key ? littleEndianWord(key, 4) : 0;
  const k0lo = key ? littleEndianWord(key, 0) : 0;
  const k1hi = key ? littleEndianWord(key, 12) : 0;
  const k1lo = key ? littleEndianWord(key, 8) : 0;
  v[V0] = 0x736f6d65 ^ k0hi;
  v[V0 + 1] = 0x70736575 ^ k0lo;
  v[V1] = 0x646f7261 ^ k1hi;
  v[V1 + 1] = 0x6e646f6d ^ k1lo;
  v[V2] = 0x6c796765 ^ k0hi;
  v[V2 + 1] = 0x6e657261 ^ k0lo;
  v[V3] = 0x74656462 ^ k1hi;
  v[V3 + 1] = 0x79746573 ^ k1lo;

  const length = message.length;
  const whole = length - (length % 8);
  for (let at = 0; at < whole; at += 8) {
    compress(littleEndianWord(message, at + 4), littleEndianWord(message, at), 2);
  }
  // Last block: the remaining bytes, little-endian, with the length's low byte on top.
  let lastHi = (length & 0xff) << 24;
  let lastLo = 0;
  for (let i = 0; i < length - whole; i++) {
    const byte = message[whole + i];
    if (i < 4) lastLo |= byte << (8 * i);
    else lastHi |= byte << (8 * (i - 4));
  }
  compress(lastHi >>> 0, lastLo >>> 0, 2);

  v[V2 + 1] = v[V2 + 1] ^ 0xff;
  for (let i = 0; i < 4; i++) sipRound();
  result[0] = v[V0] ^ v[V1] ^ v[V2] ^ v[V3];
  result[1] = v[V0 + 1] ^ v[V1 + 1] ^ v[V2 + 1] ^ v[V3 + 1];
  return result;
}

/** SipHash-2-4 of `message` as an unsigned 64-bit BigInt. */
export function siphash24(message: Uint8Array, key?: Uint8Array): bigint {
  const words = siphash24Words(message, key);
  return (BigInt(words[0]) << 32n) | BigInt(words[1]);
}

/** (high * 2^32 + low) mod `divisor` for a divisor below 2^32, exact in doubles. */
export function mod64(hi: number, lo: number, divisor: number): number {
  let rest = hi % divisor;
  rest = (rest * 0x10000 + (lo >>> 16)) % divisor;
  return (rest * 0x10000 + (lo & 0xffff)) % divisor;
}
