import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FINISH_REASONS,
  type FinishReason,
  type GenerationDoneChunk,
  type GenerationTextChunk,
  type TokenUsage,
} from '@aip/contracts';
import { ErrorPayloadDto } from '@aip/platform';

export class TokenUsageDto implements TokenUsage {
  @ApiProperty()
  prompt_tokens!: number;

  @ApiProperty()
  completion_tokens!: number;

  @ApiProperty()
  total_tokens!: number;
}

/** Generated text, in order; each event carries the text of several tokens. */
export class GenerationTextEventDto implements GenerationTextChunk {
  @ApiProperty({ enum: ['text'] })
  type!: 'text';

  @ApiProperty()
  text!: string;
}

/**
 * The last event of a stream. The platform's generation routes ask for one choice and no tools,
 * so only text events come before it.
 */
export class GenerationDoneEventDto implements GenerationDoneChunk {
  @ApiProperty({ enum: ['done'] })
  type!: 'done';

  @ApiProperty()
  model!: string;

  @ApiProperty({ enum: FINISH_REASONS })
  finish_reason!: FinishReason;

  @ApiProperty({ type: TokenUsageDto })
  usage!: TokenUsageDto;

  @ApiPropertyOptional({ description: 'The stored conversation point, with store_embedding' })
  vector_id?: string;
}

/** The last event of a stream that fails after it started. */
export class StreamFailureDto {
  @ApiProperty({ type: ErrorPayloadDto })
  error!: ErrorPayloadDto;
}

/** What one event of a streamed `/api/v1/generate` or `/api/v1/chat` reply may be. */
export const GENERATION_EVENTS = [GenerationTextEventDto, GenerationDoneEventDto, StreamFailureDto];
