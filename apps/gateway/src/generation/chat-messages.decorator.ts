import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { ChatMessageContract, MAX_CHAT_MESSAGES } from '@aip/contracts';

/** The `messages` of a chat request, as both our chat route and OpenAI's take it. */
export function ChatMessages(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [ChatMessageContract], maxItems: MAX_CHAT_MESSAGES }),
    IsArray({ message: 'messages must be a list of {role, content}' }),
    ArrayMinSize(1, { message: 'messages must hold at least one message' }),
    ArrayMaxSize(MAX_CHAT_MESSAGES, {
      message: `messages must hold at most ${MAX_CHAT_MESSAGES} messages`,
    }),
    ValidateNested({ each: true }),
    Type(() => ChatMessageContract),
  );
}
