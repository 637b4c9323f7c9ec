import { ApiProperty } from '@nestjs/swagger';
import { ApiErrorResponses, type ErrorStatus } from '@aip/platform';
import type { OllamaErrorReply } from './ollama-errors';

type OllamaErrorBody = OllamaErrorReply['body'];

/** An error under Ollama's paths, in Ollama's shape: the message alone. */
export class OllamaErrorBodyDto implements OllamaErrorBody {
  @ApiProperty()
  error!: string;
}

/** Error statuses of an Ollama-compatible route, in Ollama's shape. */
export function ApiOllamaErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return ApiErrorResponses(OllamaErrorBodyDto, statuses);
}
