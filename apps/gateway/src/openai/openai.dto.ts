import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  MAX_BATCH_PROMPTS,
  MAX_CHOICES,
  MAX_COMPLETION_LOGPROBS,
  MAX_GENERATION_TOKENS,
  MAX_PROMPT_CHARS,
  MAX_SEED,
  MAX_STOP_CHARS,
  MAX_STOP_STRINGS,
  MAX_TEMPERATURE,
  MAX_TOOLS,
  MAX_TOP_K,
  MAX_TOP_LOGPROBS,
  NestedObjects,
  TOOL_CHOICE_MODES,
  ToolChoiceField,
  ToolContract,
  type ToolChoice,
} from '@aip/contracts';
import { OpenAiChatMessageDto, OpenAiChatMessages } from './openai-chat-message.dto';

/** A string or a list of `min`-`max` strings of at most `maxChars` characters each. */
function IsStringOrList(
  field: string,
  min: number,
  max: number,
  maxChars: number,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringOrList',
      validator: {
        validate: (value: unknown) => {
          const list = typeof value === 'string' ? [value] : value;
          return (
            Array.isArray(list) &&
            list.length >= min &&
            list.length <= max &&
            list.every((s) => typeof s === 'string' && s.length <= maxChars)
          );
        },
        defaultMessage: () =>
          `${field} must be a string or a list of ${min} to ${max} strings of at most ${maxChars} characters`,
      },
    },
    options,
  );
}

export class StreamOptionsDto {
  @ApiPropertyOptional({ description: 'Send a last chunk with the usage of the whole request' })
  @IsOptional()
  @IsBoolean()
  include_usage?: boolean;
}

export class JsonSchemaFormatDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[\w-]{1,64}$/, { message: 'json_schema.name must be 1-64 letters, digits, _ or -' })
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  description?: string;

  @ApiPropertyOptional({
    description: 'The JSON schema the output follows (a grammar enforces it)',
  })
  @IsOptional()
  @IsObject({ message: 'json_schema.schema must be a JSON schema object' })
  schema?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  strict?: boolean;
}

export const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'] as const;

export class ResponseFormatDto {
  @ApiProperty({ enum: RESPONSE_FORMATS })
  @IsIn(RESPONSE_FORMATS, {
    message: `response_format.type must be one of: ${RESPONSE_FORMATS.join(', ')}`,
  })
  type!: (typeof RESPONSE_FORMATS)[number];

  @ApiPropertyOptional({ type: JsonSchemaFormatDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => JsonSchemaFormatDto)
  json_schema?: JsonSchemaFormatDto;
}

/** Sampling fields the OpenAI completion and chat APIs share. */
class OpenAiSamplingDto {
  @ApiProperty({ description: 'A configured model name; "default" for the default model' })
  @Matches(/^[\w.:-]{1,100}$/, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model!: string;

  @ApiPropertyOptional({ maximum: MAX_GENERATION_TOKENS })
  @IsOptional()
  @IsInt({ message: 'max_tokens must be a whole number' })
  @Min(1, { message: 'max_tokens must be at least 1' })
  @Max(MAX_GENERATION_TOKENS, { message: `max_tokens must be at most ${MAX_GENERATION_TOKENS}` })
  max_tokens?: number;

  @ApiPropertyOptional({ description: 'Default 1, as in the OpenAI API; 0 is greedy' })
  @IsOptional()
  @IsNumber({}, { message: 'temperature must be a number' })
  @Min(0, { message: 'temperature must be at least 0' })
  @Max(MAX_TEMPERATURE, { message: `temperature must be at most ${MAX_TEMPERATURE}` })
  temperature?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({}, { message: 'top_p must be a number' })
  @Min(0, { message: 'top_p must be at least 0' })
  @Max(1, { message: 'top_p must be at most 1' })
  top_p?: number;

  @ApiPropertyOptional({ description: 'An extension of the OpenAI API' })
  @IsOptional()
  @IsInt({ message: 'top_k must be a whole number' })
  @Min(0, { message: 'top_k must be at least 0' })
  @Max(MAX_TOP_K, { message: `top_k must be at most ${MAX_TOP_K}` })
  top_k?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'seed must be a whole number' })
  @Min(0, { message: 'seed must be at least 0' })
  @Max(MAX_SEED, { message: `seed must be at most ${MAX_SEED}` })
  seed?: number;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  @IsOptional()
  @IsStringOrList('stop', 0, MAX_STOP_STRINGS, MAX_STOP_CHARS)
  stop?: string | string[] | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({ type: StreamOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_CHOICES,
    description: `How many choices to generate, each on its own sequence while the model has them free (at most ${MAX_CHOICES})`,
  })
  @IsOptional()
  @IsInt({ message: 'n must be a whole number' })
  @Min(1, { message: 'n must be at least 1' })
  @Max(MAX_CHOICES, { message: `n must be at most ${MAX_CHOICES}` })
  n?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;
}

export class OpenAiChatDto extends OpenAiSamplingDto {
  @OpenAiChatMessages()
  messages!: OpenAiChatMessageDto[];

  @ApiPropertyOptional({ description: 'The newer name of max_tokens' })
  @IsOptional()
  @IsInt({ message: 'max_completion_tokens must be a whole number' })
  @Min(1, { message: 'max_completion_tokens must be at least 1' })
  @Max(MAX_GENERATION_TOKENS, {
    message: `max_completion_tokens must be at most ${MAX_GENERATION_TOKENS}`,
  })
  max_completion_tokens?: number;

  @ApiPropertyOptional({ type: ResponseFormatDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponseFormatDto)
  response_format?: ResponseFormatDto;

  @ApiPropertyOptional({
    type: [ToolContract],
    maxItems: MAX_TOOLS,
    description:
      'Functions the model may call; their JSON-schema parameters are enforced by a grammar',
  })
  @IsOptional()
  @IsArray({ message: 'tools must be a list of tools' })
  @ArrayMaxSize(MAX_TOOLS, { message: `tools must hold at most ${MAX_TOOLS} tools` })
  @NestedObjects(() => ToolContract, 'tools')
  tools?: ToolContract[];

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', enum: [...TOOL_CHOICE_MODES] }, { type: 'object' }],
    description:
      'none, auto (the default with tools), required, or {type: function, function: {name}}',
  })
  @IsOptional()
  @ToolChoiceField()
  tool_choice?: ToolChoice;

  @ApiPropertyOptional({ description: 'Whether one reply may call several tools' })
  @IsOptional()
  @IsBoolean({ message: 'parallel_tool_calls must be a boolean' })
  parallel_tool_calls?: boolean;

  @ApiPropertyOptional({ description: 'Report the log probability of each generated token' })
  @IsOptional()
  @IsBoolean({ message: 'logprobs must be a boolean' })
  logprobs?: boolean | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_TOP_LOGPROBS })
  @IsOptional()
  @IsInt({ message: 'top_logprobs must be a whole number' })
  @Min(0, { message: 'top_logprobs must be at least 0' })
  @Max(MAX_TOP_LOGPROBS, { message: `top_logprobs must be at most ${MAX_TOP_LOGPROBS}` })
  top_logprobs?: number | null;
}

export class OpenAiCompletionDto extends OpenAiSamplingDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  @IsStringOrList('prompt', 1, MAX_BATCH_PROMPTS, MAX_PROMPT_CHARS)
  prompt!: string | string[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_COMPLETION_LOGPROBS,
    description: 'Log probabilities of each token, listing this many alternatives',
  })
  @IsOptional()
  @IsInt({ message: 'logprobs must be a whole number' })
  @Min(0, { message: 'logprobs must be at least 0' })
  @Max(MAX_COMPLETION_LOGPROBS, { message: `logprobs must be at most ${MAX_COMPLETION_LOGPROBS}` })
  logprobs?: number | null;

  @ApiPropertyOptional({ description: 'Begin the text (and its logprobs) with the prompt' })
  @IsOptional()
  @IsBoolean({ message: 'echo must be a boolean' })
  echo?: boolean;
}
