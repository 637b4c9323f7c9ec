import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import {
  MAX_CHAT_MESSAGES,
  MAX_GENERATION_TOKENS,
  MAX_PROMPT_CHARS,
  MAX_TEMPERATURE,
  MAX_TOOLS,
  NestedObject,
  TOOL_CHOICE_MODES,
} from '@aip/contracts';
import {
  INPUT_ITEM_DOCS,
  INPUT_ITEMS_DESCRIPTION,
  ResponsesFunctionToolDto,
} from './response-input-items.dto';
import {
  isMetadata,
  isNoReasoning,
  MAX_METADATA_PAIRS,
  NotOffered,
  OnlyAs,
} from './response-not-offered';
import { ResponsesTextDto } from './response-text.dto';
import {
  isResponsesToolChoice,
  TOOL_CHOICE_FORMS,
  type ResponsesToolChoice,
} from './response-tools';

const NOT_STORED = 'responses are not stored here (store is always false)';

function IsInput(): PropertyDecorator {
  return ValidateBy({
    name: 'isResponsesInput',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string'
          ? value.length <= MAX_PROMPT_CHARS
          : Array.isArray(value) && value.length >= 1 && value.length <= MAX_CHAT_MESSAGES,
      defaultMessage: () =>
        `input must be a string of at most ${MAX_PROMPT_CHARS} characters or a list of 1 to ${MAX_CHAT_MESSAGES} input items`,
    },
  });
}

function Is(field: string, check: (value: unknown) => boolean, what: string): PropertyDecorator {
  return ValidateBy({
    name: `is-${field}`,
    validator: { validate: check, defaultMessage: () => `${field} must be ${what}` },
  });
}

export class StreamOptionsDto {
  @ApiPropertyOptional({ description: 'Accepted; events carry no obfuscation padding' })
  @IsOptional()
  @IsBoolean({ message: 'stream_options.include_obfuscation must be a boolean' })
  include_obfuscation?: boolean;
}

/**
 * `POST /v1/responses`, OpenAI's Responses API for text and function tools. Each field it has
 * that would ask for something not served here (stored responses, background runs, built-in
 * tools, reasoning) is refused by name; any field it does not list is refused as unknown.
 */
export class ResponsesRequestDto {
  @ApiProperty({ description: 'A configured model name; "default" for the default model' })
  @Matches(/^[\w.:-]{1,100}$/, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model!: string;

  @ApiProperty({
    description: `A user message, or the conversation so far. ${INPUT_ITEMS_DESCRIPTION}`,
    oneOf: [
      { type: 'string', maxLength: MAX_PROMPT_CHARS },
      {
        type: 'array',
        maxItems: MAX_CHAT_MESSAGES,
        items: { oneOf: INPUT_ITEM_DOCS.map((type) => ({ $ref: getSchemaPath(type) })) },
      },
    ],
  })
  @IsInput()
  input!: string | unknown[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A system message first' })
  @IsOptional()
  @IsString({ message: 'instructions must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, {
    message: `instructions must be at most ${MAX_PROMPT_CHARS} characters`,
  })
  instructions?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_GENERATION_TOKENS,
  })
  @IsOptional()
  @IsInt({ message: 'max_output_tokens must be a whole number' })
  @Min(1, { message: 'max_output_tokens must be at least 1' })
  @Max(MAX_GENERATION_TOKENS, {
    message: `max_output_tokens must be at most ${MAX_GENERATION_TOKENS}`,
  })
  max_output_tokens?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Default 1; 0 is greedy' })
  @IsOptional()
  @IsNumber({}, { message: 'temperature must be a number' })
  @Min(0, { message: 'temperature must be at least 0' })
  @Max(MAX_TEMPERATURE, { message: `temperature must be at most ${MAX_TEMPERATURE}` })
  temperature?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'top_p must be a number' })
  @Min(0, { message: 'top_p must be at least 0' })
  @Max(1, { message: 'top_p must be at most 1' })
  top_p?: number | null;

  @ApiPropertyOptional({
    type: [ResponsesFunctionToolDto],
    maxItems: MAX_TOOLS,
    description: 'Functions the model may call; their parameters are enforced by a grammar',
  })
  @IsOptional()
  @IsArray({ message: 'tools must be a list of tools' })
  @ArrayMaxSize(MAX_TOOLS, { message: `tools must hold at most ${MAX_TOOLS} tools` })
  tools?: unknown[];

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', enum: [...TOOL_CHOICE_MODES] }, { type: 'object' }],
    description: 'none, auto (the default), required, or {type: function, name}',
  })
  @IsOptional()
  @Is('tool_choice', isResponsesToolChoice, `one of ${TOOL_CHOICE_FORMS}`)
  tool_choice?: ResponsesToolChoice;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'parallel_tool_calls must be a boolean' })
  parallel_tool_calls?: boolean | null;

  @ApiPropertyOptional({ type: ResponsesTextDto })
  @IsOptional()
  @NestedObject(() => ResponsesTextDto, 'text')
  text?: ResponsesTextDto;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Server-sent events' })
  @IsOptional()
  @IsBoolean({ message: 'stream must be a boolean' })
  stream?: boolean | null;

  @ApiPropertyOptional({ type: StreamOptionsDto })
  @IsOptional()
  @NestedObject(() => StreamOptionsDto, 'stream_options')
  stream_options?: StreamOptionsDto | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Echoed in the response: at most ${MAX_METADATA_PAIRS} pairs`,
  })
  @IsOptional()
  @Is('metadata', isMetadata, 'at most 16 string pairs, keys ≤ 64 and values ≤ 512 characters')
  metadata?: Record<string, string> | null;

  @ApiPropertyOptional({ description: 'Echoed in the response' })
  @IsOptional()
  @IsString({ message: 'user must be a string' })
  @MaxLength(256, { message: 'user must be at most 256 characters' })
  user?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Accepted' })
  @IsOptional()
  @IsString({ message: 'safety_identifier must be a string' })
  @MaxLength(64, { message: 'safety_identifier must be at most 64 characters' })
  safety_identifier?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Accepted; the inference service reuses prompts anyway',
  })
  @IsOptional()
  @IsString({ message: 'prompt_cache_key must be a string' })
  @MaxLength(256, { message: 'prompt_cache_key must be at most 256 characters' })
  prompt_cache_key?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: ['auto', 'default', 'flex', 'scale', 'priority'],
    description: 'Accepted; every request is served at one tier',
  })
  @IsOptional()
  @IsIn(['auto', 'default', 'flex', 'scale', 'priority'], {
    message: 'service_tier must be one of: auto, default, flex, scale, priority',
  })
  service_tier?: string | null;

  @ApiPropertyOptional({ type: Boolean, description: `Accepted: ${NOT_STORED}` })
  @IsOptional()
  @IsBoolean({ message: 'store must be a boolean' })
  store?: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: `Refused: ${NOT_STORED}` })
  @IsOptional()
  @NotOffered(
    'previous_response_id',
    `is not supported: ${NOT_STORED}; send the earlier turns in input`,
  )
  previous_response_id?: null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Refused: no conversations are stored',
  })
  @IsOptional()
  @NotOffered('conversation', `is not supported: ${NOT_STORED}; send the earlier turns in input`)
  conversation?: null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Refused: no prompt templates here',
  })
  @IsOptional()
  @NotOffered('prompt', 'is not supported: no prompt templates are stored here')
  prompt?: null;

  @ApiPropertyOptional({ type: Boolean, description: 'Only false' })
  @IsOptional()
  @OnlyAs('background', [false], 'must be false: a response is generated while its request waits')
  background?: boolean | null;

  @ApiPropertyOptional({ type: String, enum: ['disabled'], description: 'Only disabled' })
  @IsOptional()
  @OnlyAs('truncation', ['disabled'], 'must be disabled: input is never cut to fit the context')
  truncation?: 'disabled' | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 0,
    description: 'Only empty: no extra outputs are produced',
  })
  @IsOptional()
  @Is('include', (v) => Array.isArray(v) && v.length === 0, 'empty: no extra outputs are produced')
  include?: [] | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Only null (or effort none): no model here reasons',
  })
  @IsOptional()
  @Is('reasoning', isNoReasoning, 'null (or effort none): no model here reasons')
  reasoning?: Record<string, null> | null;

  @ApiPropertyOptional({
    type: Number,
    enum: [0],
    description: 'Only 0: log probabilities are not offered here',
  })
  @IsOptional()
  @OnlyAs('top_logprobs', [0], 'must be 0: log probabilities are not offered on this route')
  top_logprobs?: 0 | null;
}
