/**
 * English function words left out of keyword vectors: they match almost every document, so
 * they would only add noise and size. Stored sparse vectors depend on this list: a word added
 * or removed later changes the terms of new texts but not of those already stored, so change it
 * only together with a re-index. (Contractions such as "don't" are dropped by the tokenizer.)
 */
export const KEYWORD_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each few for ' +
    'from further had has have having he her here hers herself him himself his how i if in ' +
    'into is it its itself just me more most my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up ' +
    'very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves'
  ).split(' '),
);
