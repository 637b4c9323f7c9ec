import { createHash } from 'node:crypto';
import { loggedQuery, MAX_LOGGED_QUERY_CHARS, queryTexts } from './query-text';

describe('query texts for the frequent-query list', () => {
  it('reads text, query, texts and the texts of batch queries; none for vector searches', () => {
    expect(queryTexts({ text: 'a' })).toEqual(['a']);
    expect(queryTexts({ query: 'b', texts: ['c', 'd'] })).toEqual(['b', 'c', 'd']);
    expect(queryTexts({ queries: [{ text: 'e' }, { vector: [1, 2] }] })).toEqual(['e']);
    expect(queryTexts({ vector: [0.1, 0.2] })).toEqual([]);
  });

  it('keeps nothing when off, a keyed hash prefix when hashed, the normalised text when stored', () => {
    const key = 'k'.repeat(32);
    expect(loggedQuery('Oak Kitchen', { mode: 'off' })).toBeUndefined();
    const hashed = loggedQuery('Oak Kitchen', { mode: 'hashed', key });
    expect(hashed).toMatch(/^hmac:[0-9a-f]{16}$/);
    expect(hashed).not.toContain('oak');
    expect(loggedQuery('  oak   KITCHEN ', { mode: 'hashed', key })).toBe(hashed);
    expect(loggedQuery('  Oak   Kitchen ', { mode: 'stored' })).toBe('oak kitchen');
    expect(loggedQuery('x'.repeat(500), { mode: 'stored' })).toHaveLength(MAX_LOGGED_QUERY_CHARS);
    expect(loggedQuery('   ', { mode: 'stored' })).toBeUndefined();
  });

  it('hashes with the key: not the plain SHA-256 of the query, and another key gives another hash', () => {
    const plain = createHash('sha256').update('oak kitchen').digest('hex').slice(0, 16);
    const hashed = loggedQuery('oak kitchen', { mode: 'hashed', key: 'k'.repeat(32) });
    expect(hashed).not.toContain(plain);
    expect(loggedQuery('oak kitchen', { mode: 'hashed', key: 'j'.repeat(32) })).not.toBe(hashed);
  });
});
