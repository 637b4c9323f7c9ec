import type { Chunk, ChunkSettings } from './chunk-settings';
import { splitCode } from './code-splitter';
import { splitMarkdown } from './markdown-splitter';
import { splitText } from './text-splitter';

/** What chunking needs of a document (a source's document carries its id besides). */
export interface ChunkableDocument {
  text: string;
  type: 'text' | 'markdown' | 'code';
  /** Programming language of code documents, for declaration-aware splitting. */
  language?: string;
  /** Kept on every chunk's payload. */
  metadata?: Record<string, unknown>;
}

/**
 * A document in chunks by its type: plain text by tokens with overlap, markdown at headings first,
 * code at declaration boundaries. Every chunk carries the document's metadata, plus where in the
 * document it comes from.
 */
export function chunkDocument(document: ChunkableDocument, settings: ChunkSettings): Chunk[] {
  const base = { ...(document.metadata ?? {}), document_type: document.type };
  switch (document.type) {
    case 'markdown':
      return splitMarkdown(document.text, settings.maxTokens, settings.overlapTokens).map(
        (section) => ({
          text: section.text,
          metadata: section.headings.length > 0 ? { ...base, headings: section.headings } : base,
        }),
      );
    case 'code':
      return splitCode(document.text, document.language, settings.codeMaxTokens).map((chunk) => ({
        text: chunk.text,
        metadata: {
          ...base,
          ...(document.language ? { language: document.language.toLowerCase() } : {}),
          start_line: chunk.startLine,
          end_line: chunk.endLine,
          symbols: chunk.symbols,
        },
      }));
    default:
      return splitText(document.text, settings.maxTokens, settings.overlapTokens).map((text) => ({
        text,
        metadata: base,
      }));
  }
}
