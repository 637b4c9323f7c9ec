import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IngestRequest } from '@aip/contracts';

// The tenant comes from the caller's credential, so a body can never choose it.
export class IngestDto extends OmitType(IngestRequest, ['tenant'] as const) {
  @ApiProperty({
    description:
      'Documents: {source_uid, text, type: text|markdown|code, language?, metadata?}. A malformed one fails alone, with its error in the job report.',
  })
  declare documents: IngestRequest['documents'];
}
