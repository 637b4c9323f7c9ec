import { documentTypeOf } from './file-type';
import { globMatcher, globToRegExp } from './glob-match';

describe('folder globs and file types', () => {
  it('matches ** across folders, * and ? within one, {a,b} as alternatives', () => {
    expect(globToRegExp('**/*.md').test('README.md')).toBe(true);
    expect(globToRegExp('**/*.md').test('docs/guide/intro.md')).toBe(true);
    expect(globToRegExp('docs/*.md').test('docs/guide/intro.md')).toBe(false);
    expect(globToRegExp('src/**').test('src/a/b.ts')).toBe(true);
    expect(globToRegExp('file?.txt').test('file1.txt')).toBe(true);
    expect(globToRegExp('file?.txt').test('file10.txt')).toBe(false);
    expect(globToRegExp('*.{ts,py}').test('main.py')).toBe(true);
    expect(globToRegExp('*.{ts,py}').test('main.go')).toBe(false);
    expect(globToRegExp('a+b.(x).txt').test('a+b.(x).txt')).toBe(true);
  });

  it('excludes whole dependency folders with the default exclude globs', () => {
    const excluded = globMatcher(['**/node_modules/**', '**/.git/**']);
    expect(excluded('node_modules/')).toBe(true);
    expect(excluded('app/node_modules/x/index.js')).toBe(true);
    expect(excluded('src/index.js')).toBe(false);
  });

  it('types files by extension: markdown, code with its language, text otherwise', () => {
    expect(documentTypeOf('docs/guide.md')).toEqual({ type: 'markdown' });
    expect(documentTypeOf('src/main.TS')).toEqual({ type: 'code', language: 'typescript' });
    expect(documentTypeOf('tool.py')).toEqual({ type: 'code', language: 'python' });
    expect(documentTypeOf('server.go')).toEqual({ type: 'code', language: 'go' });
    expect(documentTypeOf('notes.txt')).toEqual({ type: 'text' });
  });
});
