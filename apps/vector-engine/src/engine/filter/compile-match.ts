import type { MatchNode } from './filter-node.types';
import { canonicalUuid } from './point-id';

/** The tokenizer of a full-text index; `kind` tells a query from a stored document. */
export type TextTokenizer = (text: string, kind?: 'query' | 'document') => string[];

export interface MatchContext {
  /** Set when the field has a full-text index: text, text_any and phrase compare its tokens. */
  readonly tokenizer?: TextTokenizer;
  /** Set when the field has a uuid index: strings compare as UUIDs, whatever their case. */
  readonly uuid?: boolean;
}

/** Tests one payload value (an element, once leaf arrays are spread) against a match. */
export type ElementCheck = (value: unknown) => boolean;

const never: ElementCheck = () => false;

export function compileMatch(match: MatchNode, context: MatchContext): ElementCheck {
  switch (match.kind) {
    case 'value': {
      const expected = match.value;
      if (context.uuid && typeof expected === 'string') {
        const uuid = canonicalUuid(expected);
        if (uuid !== undefined) {
          return (value) => typeof value === 'string' && sameUuid(value, uuid);
        }
      }
      return (value) => value === expected;
    }
    case 'any':
    case 'except':
      return compileValueList(match.kind, match.valueType, match.values, context);
    case 'prefix': {
      const prefix = match.text;
      return (value) => typeof value === 'string' && value.startsWith(prefix);
    }
    default:
      return context.tokenizer
        ? compileTokenMatch(match.kind, match.text, context.tokenizer)
        : compileSubstringMatch(match.kind, match.text);
  }
}

function sameUuid(value: string, canonical: string): boolean {
  return value === canonical || canonicalUuid(value) === canonical;
}

function compileValueList(
  kind: 'any' | 'except',
  valueType: 'string' | 'integer',
  values: readonly (string | number)[],
  context: MatchContext,
): ElementCheck {
  const uuid = context.uuid === true && valueType === 'string';
  const set = new Set<unknown>(uuid ? values.map((v) => canonicalUuid(String(v)) ?? v) : values);
  const contains = uuid
    ? (value: string) => set.has(canonicalUuid(value) ?? value)
    : (value: unknown) => set.has(value);
  // A non-integer number is simply never in an integer list.
  const type = valueType === 'string' ? 'string' : 'number';
  if (kind === 'any') return (value) => typeof value === type && contains(value as string);
  // Qdrant's except: null is absence and never matches, a value of another type always does.
  return (value) => value !== null && (typeof value !== type || !contains(value as string));
}

// Without a full-text index Qdrant compares raw strings: text and phrase are substring tests,
// text_any tests each whitespace-separated word of the query.
function compileSubstringMatch(kind: 'text' | 'text_any' | 'phrase', text: string): ElementCheck {
  if (kind !== 'text_any') return (value) => typeof value === 'string' && value.includes(text);
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return never;
  return (value) => typeof value === 'string' && words.some((word) => value.includes(word));
}

// With a full-text index: every query token (text), one of them (text_any), or the phrase's
// document tokens in order (phrase). A query without tokens matches nothing.
function compileTokenMatch(
  kind: 'text' | 'text_any' | 'phrase',
  text: string,
  tokenizer: TextTokenizer,
): ElementCheck {
  if (kind === 'phrase') {
    const phrase = tokenizer(text, 'document');
    if (phrase.length === 0) return never;
    return (value) =>
      typeof value === 'string' && containsRun(tokenizer(value, 'document'), phrase);
  }
  const query = [...new Set(tokenizer(text, 'query'))];
  if (query.length === 0) return never;
  if (kind === 'text' && query.length === 1) {
    const token = query[0];
    return (value) => typeof value === 'string' && tokenizer(value, 'document').includes(token);
  }
  return (value) => {
    if (typeof value !== 'string') return false;
    const tokens = new Set(tokenizer(value, 'document'));
    return kind === 'text'
      ? query.every((token) => tokens.has(token))
      : query.some((token) => tokens.has(token));
  };
}

function containsRun(tokens: readonly string[], run: readonly string[]): boolean {
  outer: for (let start = 0; start + run.length <= tokens.length; start++) {
    for (let i = 0; i < run.length; i++) {
      if (tokens[start + i] !== run[i]) continue outer;
    }
    return true;
  }
  return false;
}
