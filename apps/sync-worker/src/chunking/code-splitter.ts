import { codeLanguage, type CodeLanguage } from './code-declarations';
import { splitText } from './text-splitter';
import { countTokens } from './token-counter';

export interface CodeChunk {
  text: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Names of the top-level declarations that start in this chunk. */
  symbols: string[];
}

interface Block {
  lines: string[];
  start: number;
  symbol?: string;
  tokens: number;
}

/** Where each top-level declaration starts, with the comments and decorators just above it. */
function blocks(lines: string[], language: CodeLanguage | undefined): Block[] {
  const starts: { at: number; symbol?: string }[] = [{ at: 0 }];
  if (language) {
    lines.forEach((line, i) => {
      const match = language.declaration.exec(line);
      if (!match) return;
      let at = i;
      while (at > 0 && language.attached.test(lines[at - 1]!)) at--;
      if (at > starts[starts.length - 1]!.at) starts.push({ at, symbol: match[1] });
      else starts[starts.length - 1]!.symbol ??= match[1];
    });
  }
  return starts.map((start, i) => {
    const body = lines.slice(start.at, starts[i + 1]?.at ?? lines.length);
    return {
      lines: body,
      start: start.at,
      symbol: start.symbol,
      tokens: countTokens(body.join('\n')),
    };
  });
}

/** A declaration longer than a chunk, cut at line boundaries. */
function splitBlock(block: Block, maxTokens: number): Block[] {
  const out: Block[] = [];
  let lines: string[] = [];
  let tokens = 0;
  let start = block.start;
  block.lines.forEach((whole, i) => {
    // A single line longer than a chunk (minified code) is cut like plain text.
    const wholeTokens = countTokens(whole) + 1;
    const parts = wholeTokens > maxTokens ? splitText(whole, maxTokens, 0) : [whole];
    for (const line of parts) {
      const lineTokens = parts.length === 1 ? wholeTokens : countTokens(line) + 1;
      if (tokens + lineTokens > maxTokens && lines.length > 0) {
        out.push({ lines, start, tokens, symbol: out.length === 0 ? block.symbol : undefined });
        lines = [];
        tokens = 0;
        start = block.start + i;
      }
      lines.push(line);
      tokens += lineTokens;
    }
  });
  if (lines.length > 0)
    out.push({ lines, start, tokens, symbol: out.length === 0 ? block.symbol : undefined });
  return out;
}

/**
 * Code in chunks of up to maxTokens that start at function and class boundaries: consecutive
 * small declarations share a chunk, a long one is cut at line boundaries. Languages without
 * declaration patterns are cut at line boundaries only.
 */
export function splitCode(
  code: string,
  language: string | undefined,
  maxTokens: number,
): CodeChunk[] {
  const lines = code.split('\n');
  const chunks: CodeChunk[] = [];
  let group: Block[] = [];
  let tokens = 0;
  const emit = (): void => {
    const text = group
      .flatMap((b) => b.lines)
      .join('\n')
      .trimEnd();
    if (text.trim().length > 0) {
      const last = group[group.length - 1]!;
      chunks.push({
        text,
        startLine: group[0]!.start + 1,
        endLine: last.start + last.lines.length,
        symbols: group.flatMap((b) => (b.symbol ? [b.symbol] : [])),
      });
    }
    group = [];
    tokens = 0;
  };
  for (const block of blocks(lines, codeLanguage(language))) {
    for (const part of block.tokens > maxTokens ? splitBlock(block, maxTokens) : [block]) {
      if (tokens + part.tokens > maxTokens && group.length > 0) emit();
      group.push(part);
      tokens += part.tokens;
    }
  }
  if (group.length > 0) emit();
  return chunks;
}
