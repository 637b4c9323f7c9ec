import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  DOCUMENT_TYPES,
  IngestRequest,
  MAX_DOCUMENT_CHARS,
  MAX_INGEST_DOCUMENTS,
  MAX_SOURCE_UID_CHARS,
} from '@aip/contracts';

// The tenant comes from the caller's credential, so a body can never choose it.
export class IngestDto extends OmitType(IngestRequest, ['tenant'] as const) {
  // Each document is checked inside the job, so one malformed document fails alone; the
  // schema says what a sound one looks like.
  @ApiProperty({
    description: 'The documents; a malformed one fails alone, with its error in the job report.',
    type: 'array',
    minItems: 1,
    maxItems: MAX_INGEST_DOCUMENTS,
    items: {
      type: 'object',
      required: ['source_uid', 'text'],
      properties: {
        source_uid: {
          type: 'string',
          maxLength: MAX_SOURCE_UID_CHARS,
          description:
            "The document's own id (a path, URL or key): re-ingesting it replaces its chunks",
        },
        text: { type: 'string', maxLength: MAX_DOCUMENT_CHARS },
        type: { type: 'string', enum: [...DOCUMENT_TYPES], description: 'Default text' },
        language: { type: 'string', description: 'Source language of a code document' },
        metadata: { type: 'object', additionalProperties: true },
      },
    },
    example: [{ source_uid: 'guide.md', text: '# Guide\n...', type: 'markdown' }],
  })
  declare documents: IngestRequest['documents'];
}
