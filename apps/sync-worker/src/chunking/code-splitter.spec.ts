import { splitCode } from './code-splitter';
import { countTokens } from './token-counter';

const body = (name: string, lines: number) =>
  Array.from({ length: lines }, (_, i) => `  const ${name}${i} = compute(${i}, "${name}");`).join(
    '\n',
  );

describe('splitCode', () => {
  it('cuts TypeScript at top-level functions and classes, keeping comments and decorators with them', () => {
    const code = [
      "import { x } from 'y';",
      '',
      '/** Adds. */',
      'export function add(a: number) {',
      body('a', 60),
      '}',
      '@Injectable()',
      'export class Service {',
      body('s', 60),
      '}',
    ].join('\n');
    const chunks = splitCode(code, 'typescript', 500);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    const service = chunks.find((c) => c.symbols.includes('Service'))!;
    expect(service.text.startsWith('@Injectable()\nexport class Service {')).toBe(true);
    const add = chunks.find((c) => c.symbols.includes('add'))!;
    expect(add.text).toContain('/** Adds. */\nexport function add');
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(500);
  });

  it('keeps small Python declarations together and reports their lines', () => {
    const code = [
      'import os',
      '',
      'def a():',
      '    return 1',
      '',
      '@cache',
      'def b():',
      '    return 2',
      '',
      'class C:',
      '    pass',
    ].join('\n');
    const [chunk] = splitCode(code, 'python', 500);
    expect(chunk).toMatchObject({ startLine: 1, endLine: 11, symbols: ['a', 'b', 'C'] });
  });

  it('cuts Go at func and type, methods included', () => {
    const code = [
      'package main',
      '',
      '// T is a type.',
      'type T struct {',
      body('t', 80),
      '}',
      '',
      'func (t *T) Run() {',
      body('r', 80),
      '}',
    ].join('\n');
    const chunks = splitCode(code, 'go', 500);
    expect(chunks.find((c) => c.symbols.includes('T'))!.text).toContain(
      '// T is a type.\ntype T struct',
    );
    expect(
      chunks.find((c) => c.symbols.includes('Run'))!.text.startsWith('func (t *T) Run()'),
    ).toBe(true);
  });

  it('cuts a declaration longer than a chunk at line boundaries', () => {
    const code = `function huge() {\n${body('h', 400)}\n}`;
    const chunks = splitCode(code, 'javascript', 200);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0]!.symbols).toEqual(['huge']);
    expect(chunks.map((c) => c.text).join('\n')).toBe(code);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(200);
  });

  it('packs an unknown language by lines', () => {
    const chunks = splitCode(body('q', 300), 'cobol', 200);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.symbols.length === 0)).toBe(true);
  });
});
