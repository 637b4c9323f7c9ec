import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { MAX_CHAT_MESSAGES, MAX_PROMPT_CHARS, NestedObjects } from '@aip/contracts';
import { KeepAlive, OllamaModel, OllamaOptions } from './ollama-fields.decorator';
import type { OllamaFormat } from './ollama-options';

export const OLLAMA_ROLES = ['system', 'user', 'assistant', 'tool'] as const;
const THINK_LEVELS = [true, false, 'high', 'medium', 'low'] as const;

export class OllamaMessageDto {
  @ApiProperty({ enum: OLLAMA_ROLES })
  @IsIn(OLLAMA_ROLES, { message: `role must be one of: ${OLLAMA_ROLES.join(', ')}` })
  role!: (typeof OLLAMA_ROLES)[number];

  @ApiPropertyOptional({ maxLength: MAX_PROMPT_CHARS })
  @IsOptional()
  @IsString({ message: 'content must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, {
    message: `content must be at most ${MAX_PROMPT_CHARS} characters`,
  })
  content?: string;

  @ApiPropertyOptional({ description: 'Ignored: earlier reasoning is not part of the prompt' })
  @IsOptional()
  @IsString()
  thinking?: string;

  @ApiPropertyOptional({ type: [String], description: 'Refused: no model here reads images' })
  @IsOptional()
  @IsArray()
  images?: unknown[];

  @ApiPropertyOptional({ description: 'Refused: no model here calls tools' })
  @IsOptional()
  @IsArray()
  tool_calls?: unknown[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  tool_name?: string;
}

/** What `/api/chat` and `/api/generate` both take. */
class OllamaGenerationFieldsDto {
  @OllamaModel()
  model!: string;

  // The default is in words only: generators such as openapi-typescript make a field with a
  // `default` required in the client's types, and a client need not send this one.
  @ApiPropertyOptional({
    description: 'NDJSON objects as the text is generated (default true, as in Ollama)',
  })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', enum: ['json'] }, { type: 'object' }],
    description: '"json" or a JSON schema the output follows (a grammar enforces it)',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isOllamaFormat',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' ||
        (typeof value === 'object' && value !== null && !Array.isArray(value)),
      defaultMessage: () => 'format must be "json" or a JSON schema object',
    },
  })
  format?: OllamaFormat;

  @KeepAlive()
  keep_alive?: string | number;

  @OllamaOptions()
  options?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Only false: no model here thinks apart from its answer' })
  @IsOptional()
  @IsIn(THINK_LEVELS, { message: 'think must be true, false, "high", "medium" or "low"' })
  think?: (typeof THINK_LEVELS)[number];

  @ApiPropertyOptional({ description: 'Only false: token probabilities are not returned' })
  @IsOptional()
  @IsBoolean()
  logprobs?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  top_logprobs?: number;
}

export class OllamaChatDto extends OllamaGenerationFieldsDto {
  @ApiPropertyOptional({
    type: [OllamaMessageDto],
    maxItems: MAX_CHAT_MESSAGES,
    description: 'None: the model is loaded and nothing is generated (done_reason "load")',
  })
  @IsOptional()
  @IsArray({ message: 'messages must be a list of {role, content}' })
  @ArrayMaxSize(MAX_CHAT_MESSAGES, {
    message: `messages must hold at most ${MAX_CHAT_MESSAGES} messages`,
  })
  @NestedObjects(() => OllamaMessageDto, 'messages')
  messages?: OllamaMessageDto[];

  @ApiPropertyOptional({ description: 'Refused when given: no model here calls tools' })
  @IsOptional()
  @IsArray()
  tools?: unknown[];
}

export class OllamaGenerateDto extends OllamaGenerationFieldsDto {
  @ApiPropertyOptional({
    maxLength: MAX_PROMPT_CHARS,
    description: 'None or empty: the model is loaded and nothing is generated',
  })
  @IsOptional()
  @IsString({ message: 'prompt must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt?: string;

  @ApiPropertyOptional({ description: 'A system message before the prompt (not with raw)' })
  @IsOptional()
  @IsString({ message: 'system must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `system must be at most ${MAX_PROMPT_CHARS} characters` })
  system?: string;

  @ApiPropertyOptional({
    description: "The prompt as it is, without the model's chat template",
  })
  @IsOptional()
  @IsBoolean()
  raw?: boolean;

  @ApiPropertyOptional({ description: 'Refused when not empty: no fill-in-the-middle' })
  @IsOptional()
  @IsString()
  suffix?: string;

  @ApiPropertyOptional({ description: "Refused when not empty: the model's own template is used" })
  @IsOptional()
  @IsString()
  template?: string;

  @ApiPropertyOptional({
    type: [Number],
    description: 'Refused when not empty: replies carry no context to send back',
  })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  context?: number[];

  @ApiPropertyOptional({ type: [String], description: 'Refused when not empty' })
  @IsOptional()
  @IsArray()
  images?: unknown[];
}
