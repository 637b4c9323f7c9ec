import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { INPUT_ITEM_TYPES } from './response-input';

// These classes document `input` and `tools` in the OpenAPI document. Their items are checked by
// hand (chatMessagesOfInput, checkedTools), which names the item and field a problem is in.

export class ResponsesTextPartDto {
  @ApiProperty({ enum: ['input_text', 'output_text', 'refusal'] })
  type!: 'input_text' | 'output_text' | 'refusal';

  @ApiPropertyOptional({ description: 'The text of an input_text or output_text part' })
  text?: string;

  @ApiPropertyOptional({ description: 'The text of a refusal part' })
  refusal?: string;
}

const CONTENT = {
  description:
    'A string, or text parts joined by new lines: input_text for user, system and developer; output_text or refusal for assistant. Media parts are refused.',
  oneOf: [
    { type: 'string' },
    { type: 'array', items: { $ref: getSchemaPath(ResponsesTextPartDto) } },
  ],
};

export class ResponsesInputMessageDto {
  @ApiPropertyOptional({ enum: ['message'], description: 'May be left out' })
  type?: 'message';

  @ApiProperty({ enum: ['user', 'assistant', 'system', 'developer'] })
  role!: string;

  @ApiProperty(CONTENT)
  content!: string | ResponsesTextPartDto[];
}

export class ResponsesFunctionCallItemDto {
  @ApiProperty({ enum: ['function_call'] })
  type!: 'function_call';

  @ApiProperty({ description: 'The call_id an earlier reply gave the call' })
  call_id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'The arguments, as JSON text' })
  arguments!: string;
}

export class ResponsesFunctionCallOutputItemDto {
  @ApiProperty({ enum: ['function_call_output'] })
  type!: 'function_call_output';

  @ApiProperty({ description: 'The function_call it answers, which must come before it' })
  call_id!: string;

  @ApiProperty({
    description: 'What the function returned: a string or input_text parts',
    oneOf: CONTENT.oneOf,
  })
  output!: string | ResponsesTextPartDto[];
}

/** What documents one item of `input`. */
export const INPUT_ITEM_DOCS = [
  ResponsesInputMessageDto,
  ResponsesFunctionCallItemDto,
  ResponsesFunctionCallOutputItemDto,
] as const;
export const INPUT_ITEMS_DESCRIPTION = `Items of type ${INPUT_ITEM_TYPES.join(', ')}; a function_call_output must answer a function_call before it, before the next message`;

export class ResponsesFunctionToolDto {
  @ApiProperty({ enum: ['function'], description: 'Built-in tools are not offered' })
  type!: 'function';

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  description?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'A JSON schema of the arguments, enforced by a grammar',
  })
  parameters?: Record<string, unknown> | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Accepted: arguments always follow the schema',
  })
  strict?: boolean | null;
}
