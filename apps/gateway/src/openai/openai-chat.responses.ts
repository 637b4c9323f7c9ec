import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FINISH_REASONS,
  type FinishReason,
  type TokenLogprob,
  type ToolCall,
  type TopLogprob,
} from '@aip/contracts';
import { TokenUsageDto } from '../generation/generation-events.responses';
import { FINISH_REASON_OR_NULL, OpenAiIdentityDto } from './openai-identity.responses';

export class TopLogprobDto implements TopLogprob {
  @ApiProperty()
  token!: string;

  @ApiProperty()
  logprob!: number;

  @ApiProperty({ type: [Number], description: 'The UTF-8 bytes of the token' })
  bytes!: number[];
}

export class TokenLogprobDto implements TokenLogprob {
  @ApiProperty()
  token!: string;

  @ApiProperty({ type: Number, nullable: true })
  logprob!: number | null;

  @ApiProperty({ type: [Number] })
  bytes!: number[];

  @ApiProperty({ type: [TopLogprobDto], description: 'The likeliest tokens here, likeliest first' })
  top_logprobs!: TopLogprobDto[];
}

export class ChatLogprobsDto {
  @ApiProperty({ type: [TokenLogprobDto] })
  content!: TokenLogprobDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: nothing is refused' })
  refusal!: null;
}

export class ToolCallFunctionDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'The arguments, as JSON text' })
  arguments!: string;
}

export class ToolCallDto implements ToolCall {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['function'] })
  type!: 'function';

  @ApiProperty({ type: ToolCallFunctionDto })
  function!: ToolCallFunctionDto;
}

export class ChatCompletionMessageDto {
  @ApiProperty({ enum: ['assistant'] })
  role!: 'assistant';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null when the model only called tools',
  })
  content!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Always null: nothing is refused' })
  refusal!: null;

  @ApiPropertyOptional({ type: [ToolCallDto] })
  tool_calls?: ToolCallDto[];
}

export class ChatChoiceDto {
  @ApiProperty()
  index!: number;

  @ApiProperty({ type: ChatCompletionMessageDto })
  message!: ChatCompletionMessageDto;

  @ApiProperty({ type: ChatLogprobsDto, nullable: true, description: 'With logprobs: true' })
  logprobs!: ChatLogprobsDto | null;

  @ApiProperty({ enum: FINISH_REASONS })
  finish_reason!: FinishReason;
}

export class ChatCompletionDto extends OpenAiIdentityDto {
  @ApiProperty({ enum: ['chat.completion'] })
  object!: 'chat.completion';

  @ApiProperty({ type: [ChatChoiceDto] })
  choices!: ChatChoiceDto[];

  @ApiProperty({ type: TokenUsageDto })
  usage!: TokenUsageDto;
}

export class ToolCallDeltaFunctionDto {
  @ApiPropertyOptional({ description: "On a call's first delta" })
  name?: string;

  @ApiProperty({ description: 'More of the JSON arguments' })
  arguments!: string;
}

export class ToolCallDeltaDto {
  @ApiProperty({ description: 'Which call of the choice' })
  index!: number;

  @ApiPropertyOptional({ description: "On a call's first delta" })
  id?: string;

  @ApiPropertyOptional({ enum: ['function'] })
  type?: 'function';

  @ApiProperty({ type: ToolCallDeltaFunctionDto })
  function!: ToolCallDeltaFunctionDto;
}

export class ChatDeltaDto {
  @ApiPropertyOptional({ enum: ['assistant'], description: "On a choice's first delta" })
  role?: 'assistant';

  @ApiPropertyOptional({ type: String, nullable: true })
  content?: string | null;

  @ApiPropertyOptional({ type: [ToolCallDeltaDto] })
  tool_calls?: ToolCallDeltaDto[];
}

export class ChatChunkChoiceDto {
  @ApiProperty()
  index!: number;

  @ApiProperty({ type: ChatDeltaDto, description: "Empty on a choice's last chunk" })
  delta!: ChatDeltaDto;

  @ApiPropertyOptional({ type: ChatLogprobsDto, description: 'With logprobs: true' })
  logprobs?: ChatLogprobsDto;

  @ApiProperty(FINISH_REASON_OR_NULL)
  finish_reason!: FinishReason | null;
}

/** One event of a streamed chat completion (the stream ends with `data: [DONE]`). */
export class ChatCompletionChunkDto extends OpenAiIdentityDto {
  @ApiProperty({ enum: ['chat.completion.chunk'] })
  object!: 'chat.completion.chunk';

  @ApiProperty({ type: [ChatChunkChoiceDto], description: 'None on the usage chunk' })
  choices!: ChatChunkChoiceDto[];

  @ApiPropertyOptional({
    type: TokenUsageDto,
    nullable: true,
    description: 'With stream_options.include_usage: null but on the last chunk',
  })
  usage?: TokenUsageDto | null;
}
