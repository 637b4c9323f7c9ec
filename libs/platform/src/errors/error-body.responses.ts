import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, type ErrorBody, type ErrorPayload } from '@aip/contracts';

/** The OpenAPI description of `ErrorPayload`: what went wrong, by code. */
export class ErrorPayloadDto implements ErrorPayload {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' })
  code!: ErrorCode;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'What the error is about: the validation problems, the missing services, retryAfterSeconds',
  })
  details?: Record<string, unknown>;
}

/** The OpenAPI description of `ErrorBody`, the shape every platform error reply has. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: ErrorPayloadDto })
  error!: ErrorPayloadDto;

  @ApiProperty({ description: "The request's X-Request-Id, which its log lines carry" })
  requestId!: string;
}
