import { loggedQuery, MAX_LOGGED_QUERY_CHARS, queryTexts } from './query-text';

describe('query texts for the frequent-query list', () => {
  it('reads text, query, texts and the texts of batch queries; none for vector searches', () => {
    expect(queryTexts({ text: 'a' })).toEqual(['a']);
    expect(queryTexts({ query: 'b', texts: ['c', 'd'] })).toEqual(['b', 'c', 'd']);
    expect(queryTexts({ queries: [{ text: 'e' }, { vector: [1, 2] }] })).toEqual(['e']);
    expect(queryTexts({ vector: [0.1, 0.2] })).toEqual([]);
  });

  it('keeps nothing when off, a SHA-256 prefix when hashed, the normalised text when stored', () => {
    expect(loggedQuery('Oak Kitchen', 'off')).toBeUndefined();
    const hashed = loggedQuery('Oak Kitchen', 'hashed');
    expect(hashed).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(hashed).not.toContain('oak');
    expect(loggedQuery('  oak   KITCHEN ', 'hashed')).toBe(hashed);
    expect(loggedQuery('  Oak   Kitchen ', 'stored')).toBe('oak kitchen');
    expect(loggedQuery('x'.repeat(500), 'stored')).toHaveLength(MAX_LOGGED_QUERY_CHARS);
    expect(loggedQuery('   ', 'stored')).toBeUndefined();
  });
});
