import { parseLine } from './import-line';

describe('parseLine', () => {
  it('reads a text, naming it after the file and line when it has no source_uid', () => {
    expect(parseLine('{"text":"hi","metadata":{"a":1}}', 4, 'f.jsonl')).toEqual({
      kind: 'text',
      line: 4,
      document: { text: 'hi', metadata: { a: 1 }, source_uid: 'f.jsonl:4' },
    });
    expect(parseLine('{"source_uid":"x","text":"hi"}', 1, 'f')).toMatchObject({
      document: { source_uid: 'x' },
    });
  });

  it('reads a point with its vector, id and payload', () => {
    expect(parseLine('{"id":7,"vector":[0.5,1],"payload":{"k":"v"}}', 2, 'f')).toEqual({
      kind: 'vector',
      line: 2,
      point: { id: 7, vector: [0.5, 1], payload: { k: 'v' } },
    });
  });

  it('skips blank lines and says what is wrong with the others', () => {
    expect(parseLine('   ', 1, 'f')).toBeUndefined();
    expect(parseLine('{oops', 1, 'f')).toMatchObject({ error: 'not valid JSON' });
    expect(parseLine('[1]', 1, 'f')).toMatchObject({ error: 'a line must be a JSON object' });
    expect(parseLine('{"vector":[1,"a"]}', 1, 'f')).toMatchObject({
      error: 'vector must hold only finite numbers',
    });
    expect(parseLine('{"title":"x"}', 1, 'f')).toMatchObject({
      error: 'a line needs "text" (a document) or "vector" (a point)',
    });
  });
});
