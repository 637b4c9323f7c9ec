import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ResponsesFunctionToolDto } from './response-input-items.dto';
import { ResponsesTextDto } from './response-text.dto';

const ITEM_STATUSES = ['in_progress', 'completed', 'incomplete'];

export class OutputTextDto {
  @ApiProperty({ enum: ['output_text'] })
  type!: 'output_text';

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: [Object], description: 'Always empty: nothing is cited' })
  annotations!: [];

  @ApiProperty({ type: [Object], description: 'Always empty: log probabilities are not offered' })
  logprobs!: [];
}

export class OutputMessageItemDto {
  @ApiProperty({ enum: ['message'] })
  type!: 'message';

  @ApiProperty({ description: 'msg_…' })
  id!: string;

  @ApiProperty({ enum: ITEM_STATUSES, description: 'incomplete when the token limit cut it off' })
  status!: string;

  @ApiProperty({ enum: ['assistant'] })
  role!: 'assistant';

  @ApiProperty({ type: [OutputTextDto] })
  content!: OutputTextDto[];
}

export class FunctionCallItemDto {
  @ApiProperty({ enum: ['function_call'] })
  type!: 'function_call';

  @ApiProperty({ description: 'fc_…' })
  id!: string;

  @ApiProperty({ description: 'call_…: what the function_call_output answering it names' })
  call_id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: "The arguments, as JSON text following the tool's parameters" })
  arguments!: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status!: string;
}

export const OUTPUT_ITEM_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(OutputMessageItemDto) },
    { $ref: getSchemaPath(FunctionCallItemDto) },
  ],
};

export class InputTokensDetailsDto {
  @ApiProperty({ description: 'Always 0: not counted here' })
  cached_tokens!: number;
}

export class OutputTokensDetailsDto {
  @ApiProperty({ description: 'Always 0: no model here reasons' })
  reasoning_tokens!: number;
}

export class ResponseUsageDto {
  @ApiProperty()
  input_tokens!: number;

  @ApiProperty({ type: InputTokensDetailsDto })
  input_tokens_details!: InputTokensDetailsDto;

  @ApiProperty()
  output_tokens!: number;

  @ApiProperty({ type: OutputTokensDetailsDto })
  output_tokens_details!: OutputTokensDetailsDto;

  @ApiProperty()
  total_tokens!: number;
}

export class ResponseErrorDto {
  @ApiProperty({ description: 'server_error or rate_limit_exceeded' })
  code!: string;

  @ApiProperty()
  message!: string;
}

export class IncompleteDetailsDto {
  @ApiProperty({ enum: ['max_output_tokens'] })
  reason!: 'max_output_tokens';
}

/** OpenAI's Response object: the output, the usage, and the request's settings echoed. */
export class ResponseObjectDto {
  @ApiProperty({ description: 'resp_…' })
  id!: string;

  @ApiProperty({ enum: ['response'] })
  object!: 'response';

  @ApiProperty({ description: 'Unix seconds' })
  created_at!: number;

  @ApiProperty({ enum: ['in_progress', 'completed', 'incomplete', 'failed'] })
  status!: string;

  @ApiProperty({ type: Number, nullable: true })
  completed_at!: number | null;

  @ApiProperty({ type: ResponseErrorDto, nullable: true, description: 'When it failed' })
  error!: ResponseErrorDto | null;

  @ApiProperty({ type: IncompleteDetailsDto, nullable: true })
  incomplete_details!: IncompleteDetailsDto | null;

  @ApiProperty()
  model!: string;

  @ApiProperty({ type: 'array', items: OUTPUT_ITEM_SCHEMA })
  output!: unknown[];

  @ApiProperty({ type: ResponseUsageDto, nullable: true, description: 'Once it ended' })
  usage!: ResponseUsageDto | null;

  @ApiProperty({ type: String, nullable: true })
  instructions!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  max_output_tokens!: number | null;

  @ApiProperty()
  temperature!: number;

  @ApiProperty()
  top_p!: number;

  @ApiProperty({ type: [ResponsesFunctionToolDto] })
  tools!: ResponsesFunctionToolDto[];

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'object' }] })
  tool_choice!: unknown;

  @ApiProperty()
  parallel_tool_calls!: boolean;

  @ApiProperty({ type: ResponsesTextDto })
  text!: ResponsesTextDto;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  metadata!: Record<string, string>;

  @ApiProperty({ enum: [false], description: 'Responses are not stored here' })
  store!: false;

  @ApiProperty({ enum: [false] })
  background!: false;

  @ApiProperty({ type: String, nullable: true, enum: [null] })
  previous_response_id!: null;

  @ApiProperty({ description: '{effort: null, summary: null}: no model here reasons' })
  reasoning!: Record<string, null>;

  @ApiProperty({ enum: ['default'] })
  service_tier!: 'default';

  @ApiProperty({ enum: ['disabled'] })
  truncation!: 'disabled';

  @ApiProperty({ type: String, nullable: true })
  user!: string | null;
}
