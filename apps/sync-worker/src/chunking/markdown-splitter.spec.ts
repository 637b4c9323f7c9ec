import { markdownSections, splitMarkdown } from './markdown-splitter';

const doc = [
  '# Guide',
  'Intro text.',
  '## Install',
  'Run the installer.',
  '```sh',
  '# not a heading inside code',
  'npm ci',
  '```',
  '### Linux',
  'Use the package.',
  '## Use',
  'Call the API.',
].join('\n');

describe('markdown splitting', () => {
  it('starts a section at every heading outside fenced code, with its heading path', () => {
    const sections = markdownSections(doc);
    expect(sections.map((s) => s.headings)).toEqual([
      ['Guide'],
      ['Guide', 'Install'],
      ['Guide', 'Install', 'Linux'],
      ['Guide', 'Use'],
    ]);
    expect(sections[1]!.text).toContain('# not a heading inside code');
  });

  it('splits a long section as text and keeps its headings on each piece', () => {
    const long = `# Big\n${'A sentence about chunking text well. '.repeat(200)}`;
    const pieces = splitMarkdown(long, 100, 10);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.headings).toEqual(['Big']);
  });

  it('keeps text before the first heading as its own section', () => {
    expect(markdownSections('Preface.\n# One\nBody.')[0]).toEqual({
      text: 'Preface.',
      headings: [],
    });
  });
});
