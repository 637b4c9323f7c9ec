import { keywordTerms, stem } from './keyword-tokenizer';

describe('keywordTerms', () => {
  it('lowercases, drops punctuation and stopwords, and stems', () => {
    expect(keywordTerms('A modern Kitchen with oak finishes!')).toEqual([
      'modern',
      'kitchen',
      'oak',
      'finish',
    ]);
  });

  it('makes the forms of a word one term', () => {
    const groups = [
      ['finish', 'finishes', 'finished', 'finishing'],
      ['house', 'houses', 'housing'],
      ['renovate', 'renovated', 'renovating', 'renovates'],
      ['study', 'studies', 'studied', 'studying'],
      ['stop', 'stops', 'stopped', 'stopping'],
      ['run', 'runs', 'running'],
      ['box', 'boxes'],
      ['glass', 'glasses'],
      ['fall', 'falls', 'falling'],
      ['add', 'adds', 'added'],
    ];
    for (const forms of groups) {
      expect(new Set(forms.map(stem))).toEqual(new Set([stem(forms[0])]));
    }
  });

  it('leaves short words and words that only look inflected whole', () => {
    expect(
      ['bed', 'red', 'sing', 'thing', 'string', 'need', 'bus', 'status', 'analysis'].map(stem),
    ).toEqual(['bed', 'red', 'sing', 'thing', 'string', 'need', 'bus', 'status', 'analysis']);
  });

  it('handles possessives, contractions, compounds, initials, numbers and accents', () => {
    expect(keywordTerms("John's café doesn't use state-of-the-art U.S. tech")).toEqual([
      'john',
      'caf', // "café", "cafe" and "cafes" alike
      'use',
      'stat',
      'art',
      'us',
      'tech',
    ]);
    expect(keywordTerms('1,000 units cost 3.50, in 2024.')).toEqual([
      '1000',
      'unit',
      'cost',
      '3.50',
      '2024',
    ]);
  });

  it('gives no terms for text of stopwords and symbols only', () => {
    expect(keywordTerms('')).toEqual([]);
    expect(keywordTerms('It is what it is ... 🙂 !!')).toEqual([]);
  });
});
