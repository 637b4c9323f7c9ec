import { ApiProperty } from '@nestjs/swagger';
import { OUTPUT_ITEM_SCHEMA, OutputTextDto, ResponseObjectDto } from './response-object.responses';

/** What every event of a Responses stream has: its name (the `event:` line's too) and place. */
class ResponseEventDto {
  @ApiProperty({ description: 'Counts the events of the stream from 0' })
  sequence_number!: number;
}

export class ResponseLifecycleEventDto extends ResponseEventDto {
  @ApiProperty({
    enum: [
      'response.created',
      'response.in_progress',
      'response.completed',
      'response.incomplete',
      'response.failed',
    ],
  })
  type!: string;

  @ApiProperty({ type: ResponseObjectDto, description: 'The response as it stands' })
  response!: ResponseObjectDto;
}

export class ResponseOutputItemEventDto extends ResponseEventDto {
  @ApiProperty({ enum: ['response.output_item.added', 'response.output_item.done'] })
  type!: string;

  @ApiProperty()
  output_index!: number;

  @ApiProperty(OUTPUT_ITEM_SCHEMA)
  item!: unknown;
}

/** An event about the text part of a message item. */
class ResponseTextPartEventDto extends ResponseEventDto {
  @ApiProperty({ description: 'msg_…' })
  item_id!: string;

  @ApiProperty()
  output_index!: number;

  @ApiProperty({ description: 'Always 0: a message has one text part' })
  content_index!: number;
}

export class ResponseContentPartEventDto extends ResponseTextPartEventDto {
  @ApiProperty({ enum: ['response.content_part.added', 'response.content_part.done'] })
  type!: string;

  @ApiProperty({ type: OutputTextDto })
  part!: OutputTextDto;
}

export class ResponseTextDeltaEventDto extends ResponseTextPartEventDto {
  @ApiProperty({ enum: ['response.output_text.delta'] })
  type!: string;

  @ApiProperty()
  delta!: string;
}

export class ResponseTextDoneEventDto extends ResponseTextPartEventDto {
  @ApiProperty({ enum: ['response.output_text.done'] })
  type!: string;

  @ApiProperty({ description: 'The whole text' })
  text!: string;
}

export class FunctionCallArgumentsDeltaEventDto extends ResponseEventDto {
  @ApiProperty({ enum: ['response.function_call_arguments.delta'] })
  type!: string;

  @ApiProperty({ description: 'fc_…' })
  item_id!: string;

  @ApiProperty()
  output_index!: number;

  @ApiProperty({ description: 'More of the JSON arguments' })
  delta!: string;
}

export class FunctionCallArgumentsDoneEventDto extends ResponseEventDto {
  @ApiProperty({ enum: ['response.function_call_arguments.done'] })
  type!: string;

  @ApiProperty()
  item_id!: string;

  @ApiProperty()
  output_index!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'All of the JSON arguments' })
  arguments!: string;
}

export class ResponseStreamErrorDto {
  @ApiProperty()
  message!: string;

  @ApiProperty({ description: 'server_error, requests, ...' })
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  param!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'timeout, service_unavailable, ...' })
  code!: string | null;
}

/** After response.failed: the error as a /v1 error body has it, which the SDK raises. */
export class ResponseErrorEventDto extends ResponseEventDto {
  @ApiProperty({ enum: ['error'] })
  type!: 'error';

  @ApiProperty({ type: String, nullable: true })
  code!: string | null;

  @ApiProperty()
  message!: string;

  @ApiProperty({ type: String, nullable: true })
  param!: string | null;

  @ApiProperty({ type: ResponseStreamErrorDto })
  error!: ResponseStreamErrorDto;
}

export const RESPONSE_EVENT_DOCS = [
  ResponseLifecycleEventDto,
  ResponseOutputItemEventDto,
  ResponseContentPartEventDto,
  ResponseTextDeltaEventDto,
  ResponseTextDoneEventDto,
  FunctionCallArgumentsDeltaEventDto,
  FunctionCallArgumentsDoneEventDto,
  ResponseErrorEventDto,
];
