import { ApiProperty } from '@nestjs/swagger';
import { ApiErrorResponses, type ErrorStatus } from '@aip/platform';
import type { OpenAiErrorBody } from './openai-errors';

export class OpenAiErrorDto {
  @ApiProperty()
  message!: string;

  @ApiProperty({
    description: 'invalid_request_error, authentication_error, permission_error, requests, ...',
  })
  type!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The request field it is about' })
  param!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'model_not_found, invalid_api_key, ...',
  })
  code!: string | null;
}

/** An error under `/v1`, in OpenAI's shape: what its SDKs turn into their typed errors. */
export class OpenAiErrorBodyDto implements OpenAiErrorBody {
  @ApiProperty({ type: OpenAiErrorDto })
  error!: OpenAiErrorDto;
}

/** Error statuses of an OpenAI-compatible route, in OpenAI's shape. */
export function ApiOpenAiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return ApiErrorResponses(OpenAiErrorBodyDto, statuses);
}
