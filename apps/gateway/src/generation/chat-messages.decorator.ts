import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { ChatMessageContract, MAX_CHAT_MESSAGES, NestedObjects } from '@aip/contracts';

/** The `messages` of a chat request, as both our chat route and OpenAI's take it. */
export function ChatMessages(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [ChatMessageContract], maxItems: MAX_CHAT_MESSAGES }),
    IsArray({ message: 'messages must be a list of {role, content}' }),
    ArrayMinSize(1, { message: 'messages must hold at least one message' }),
    ArrayMaxSize(MAX_CHAT_MESSAGES, {
      message: `messages must hold at most ${MAX_CHAT_MESSAGES} messages`,
    }),
    NestedObjects(() => ChatMessageContract, 'messages'),
  );
}
