import { nextTarget } from './reindex-target';

describe('nextTarget', () => {
  it('numbers the collections built behind a name', () => {
    expect(nextTarget('docs', 'docs')).toBe('docs__v1');
    expect(nextTarget('docs', 'docs__v1')).toBe('docs__v2');
    expect(nextTarget('docs', 'docs__v9')).toBe('docs__v10');
  });

  it('stays within the 64-character collection name', () => {
    const long = 'n'.repeat(64);
    expect(nextTarget(long, long)).toHaveLength(64);
    expect(nextTarget(long, long).endsWith('__v1')).toBe(true);
  });
});
