import { DOCUMENT_TYPES, MAX_DOCUMENT_CHARS, MAX_SOURCE_UID_CHARS } from '@aip/contracts';
import type { SourceDocument } from './document-sink';

/** Payload fields the platform writes itself; document metadata may not set them. */
export const OWNED_FIELDS = [
  'text',
  'source',
  'source_uid',
  'chunk_index',
  'content_sha256',
  'tenant_id',
  'created_at',
  'embedding_model',
] as const;

const MAX_LANGUAGE_CHARS = 64;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a document, in words that name the field and the limit; or undefined. */
export function documentProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'a document must be an object {source_uid, text, type}';
  const doc = value as Partial<SourceDocument>;
  if (typeof doc.source_uid !== 'string' || doc.source_uid.length === 0)
    return 'source_uid must be a non-empty string';
  if (doc.source_uid.length > MAX_SOURCE_UID_CHARS)
    return `source_uid must be at most ${MAX_SOURCE_UID_CHARS} characters (MAX_SOURCE_UID_CHARS)`;
  if (typeof doc.text !== 'string') return 'text must be a string';
  if (doc.text.trim().length === 0) return 'text must not be empty';
  if (doc.text.length > MAX_DOCUMENT_CHARS)
    return `text has ${doc.text.length} characters; at most ${MAX_DOCUMENT_CHARS} (MAX_DOCUMENT_CHARS)`;
  if (doc.type !== undefined && !(DOCUMENT_TYPES as readonly unknown[]).includes(doc.type))
    return `type must be one of ${DOCUMENT_TYPES.join(', ')}`;
  if (
    doc.language !== undefined &&
    (typeof doc.language !== 'string' || doc.language.length > MAX_LANGUAGE_CHARS)
  )
    return `language must be a string of at most ${MAX_LANGUAGE_CHARS} characters`;
  if (doc.metadata !== undefined) {
    if (!isObject(doc.metadata)) return 'metadata must be an object';
    const reserved = OWNED_FIELDS.find((field) => field in doc.metadata!);
    if (reserved) return `metadata.${reserved} is reserved: the platform sets it`;
  }
  return undefined;
}
