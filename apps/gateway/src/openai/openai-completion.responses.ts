import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FinishReason } from '@aip/contracts';
import { TokenUsageDto } from '../generation/generation-events.responses';
import { FINISH_REASON_OR_NULL, OpenAiIdentityDto } from './openai-identity.responses';
import type { CompletionLogprobs } from './openai-logprobs';

/** The legacy completions API's log probabilities: parallel lists, one entry per token. */
export class CompletionLogprobsDto implements CompletionLogprobs {
  @ApiProperty({ type: [String] })
  tokens!: string[];

  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } })
  token_logprobs!: (number | null)[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: { type: 'number' }, nullable: true },
    description: 'The alternatives at each token, by their text',
  })
  top_logprobs!: (Record<string, number> | null)[];

  @ApiProperty({ type: [Number], description: "Where each token starts in the choice's text" })
  text_offset!: number[];
}

export class TextChoiceDto {
  @ApiProperty({ description: 'Counts across the prompts of the request' })
  index!: number;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: CompletionLogprobsDto, nullable: true, description: 'With logprobs' })
  logprobs!: CompletionLogprobsDto | null;

  @ApiProperty(FINISH_REASON_OR_NULL)
  finish_reason!: FinishReason | null;
}

export class TextCompletionDto extends OpenAiIdentityDto {
  @ApiProperty({ enum: ['text_completion'] })
  object!: 'text_completion';

  @ApiProperty({ type: [TextChoiceDto] })
  choices!: TextChoiceDto[];

  @ApiProperty({ type: TokenUsageDto })
  usage!: TokenUsageDto;
}

/** One event of a streamed text completion (the stream ends with `data: [DONE]`). */
export class TextCompletionChunkDto extends OpenAiIdentityDto {
  @ApiProperty({ enum: ['text_completion'] })
  object!: 'text_completion';

  @ApiProperty({ type: [TextChoiceDto], description: 'None on the usage chunk' })
  choices!: TextChoiceDto[];

  @ApiPropertyOptional({
    type: TokenUsageDto,
    nullable: true,
    description: 'With stream_options.include_usage: null but on the last chunk',
  })
  usage?: TokenUsageDto | null;
}
