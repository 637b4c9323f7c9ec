import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Keys look like `aip_<id>_<secret>`: the id finds the record without trying every hash. */
const KEY_PATTERN = /^aip_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  id: string;
  /** The whole key, shown to its owner once and never stored. */
  key: string;
}

export function issueApiKey(): IssuedKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `aip_${id}_${secret}` };
}

export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

/**
 * A salted SHA-256 of the key. Keys carry 256 random bits, so a slow password hash adds
 * nothing but latency to every request; the salt keeps equal keys from sharing a hash.
 */
export function hashApiKey(key: string): string {
  const salt = randomBytes(16).toString('base64url');
  return `sha256$${salt}$${digest(salt, key)}`;
}

function digest(salt: string, key: string): string {
  return createHash('sha256').update(salt).update(':').update(key).digest('base64url');
}

/** Compares in constant time; false for a malformed stored hash. */
export function verifyApiKey(key: string, stored: string): boolean {
  const [scheme, salt, expected] = stored.split('$');
  if (scheme !== 'sha256' || !salt || !expected) return false;
  const actual = Buffer.from(digest(salt, key));
  const wanted = Buffer.from(expected);
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}
