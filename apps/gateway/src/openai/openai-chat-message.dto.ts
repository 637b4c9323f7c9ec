import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { MAX_CHAT_MESSAGES, NestedObjects } from '@aip/contracts';
import {
  contentProblemOf,
  OPENAI_CHAT_ROLES,
  type OpenAiChatRole,
  type OpenAiContentPart,
  type OpenAiMessageContent,
} from './openai-chat-content';

/** `content` as OpenAI takes it: see contentProblemOf. */
function IsOpenAiContent(): PropertyDecorator {
  return ValidateBy({
    name: 'isOpenAiContent',
    validator: {
      validate: (_value, args) =>
        contentProblemOf(args?.object as OpenAiMessageContent) === undefined,
      defaultMessage: (args) => contentProblemOf(args?.object as OpenAiMessageContent) ?? '',
    },
  });
}

/** One message of an OpenAI chat request. */
export class OpenAiChatMessageDto {
  @ApiProperty({ enum: OPENAI_CHAT_ROLES })
  @IsIn(OPENAI_CHAT_ROLES, { message: `role must be one of: ${OPENAI_CHAT_ROLES.join(', ')}` })
  role!: OpenAiChatRole;

  @ApiPropertyOptional({
    description:
      'A string, or a list of content parts ({type: "text", text} joined by new lines); null for an assistant message with tool_calls',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }],
    nullable: true,
  })
  // Not optional: a custom rule runs on an absent value too, and names what is missing.
  @IsOpenAiContent()
  content?: string | OpenAiContentPart[] | null;

  @ApiPropertyOptional({ description: 'Accepted; the chat templates here have no place for it' })
  @IsOptional()
  @IsString({ message: 'name must be a string' })
  @MaxLength(256, { message: 'name must be at most 256 characters' })
  name?: string;

  @ApiPropertyOptional({ description: 'What the model called in an earlier assistant turn' })
  @IsOptional()
  @IsArray({ message: 'tool_calls must be a list of tool calls' })
  @IsObject({ each: true, message: 'each tool_calls item must be a tool call object' })
  tool_calls?: Record<string, unknown>[];

  @ApiPropertyOptional({ description: 'The call a tool message answers' })
  @IsOptional()
  @IsString({ message: 'tool_call_id must be a string' })
  tool_call_id?: string;

  @ApiPropertyOptional({ description: "An assistant turn's refusal, as an earlier reply had it" })
  @IsOptional()
  @IsString({ message: 'refusal must be a string' })
  refusal?: string | null;
}

/** The `messages` of an OpenAI chat request. */
export function OpenAiChatMessages(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [OpenAiChatMessageDto], maxItems: MAX_CHAT_MESSAGES }),
    IsArray({ message: 'messages must be a list of {role, content}' }),
    ArrayMinSize(1, { message: 'messages must hold at least one message' }),
    ArrayMaxSize(MAX_CHAT_MESSAGES, {
      message: `messages must hold at most ${MAX_CHAT_MESSAGES} messages`,
    }),
    NestedObjects(() => OpenAiChatMessageDto, 'messages'),
  );
}
