import { ApiProperty } from '@nestjs/swagger';
import { FINISH_REASONS } from '@aip/contracts';
import type { OpenAiIdentity } from './openai-format';

/** A finish reason, or null on the chunks of a stream before a choice ends. */
export const FINISH_REASON_OR_NULL = {
  type: 'string',
  enum: [...FINISH_REASONS, null],
  nullable: true,
} as const;

/** What every OpenAI completion object and chunk starts with. */
export class OpenAiIdentityDto implements OpenAiIdentity {
  @ApiProperty({ description: 'The same on every chunk of one stream' })
  id!: string;

  @ApiProperty({ description: 'Unix seconds' })
  created!: number;

  @ApiProperty()
  model!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Changes when what serves the model does; null when it could not be told',
  })
  system_fingerprint!: string | null;
}
