import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';

/**
 * `model` of every Ollama request. Any string is taken: a name the platform could never have
 * (`library/model:tag`) is answered 404 as an unknown model, as Ollama answers it.
 */
export function OllamaModel(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description:
        'A model from /api/tags (the `:latest` tag is optional); `default` for the default model',
      example: 'default:latest',
    }),
    IsString({ message: 'model is required' }),
    MaxLength(256, { message: 'model must be at most 256 characters' }),
  );
}

/** `keep_alive`, a duration ("5m") or seconds. */
export function KeepAlive(): PropertyDecorator {
  return applyDecorators(
    // Accepted and ignored: the platform's models load when the inference service starts and
    // stay loaded, so there is nothing to keep alive or unload.
    ApiPropertyOptional({
      oneOf: [{ type: 'string' }, { type: 'number' }],
      description: 'Accepted and ignored: models stay loaded',
    }),
    IsOptional(),
    ValidateBy({
      name: 'isKeepAlive',
      validator: {
        validate: (value: unknown) => typeof value === 'string' || typeof value === 'number',
        defaultMessage: () => 'keep_alive must be a duration string or a number of seconds',
      },
    }),
  );
}

/**
 * Ollama's `options`, a free-form object as in Ollama: the ones that apply are checked when
 * they are read (`generationSettingsOf`), the others ignored, so clients that send their whole
 * set of options are not refused for one the platform has no use for.
 */
export function OllamaOptions(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: true,
      description:
        'Read: temperature, top_p, top_k, seed, num_predict, stop; every other option is ignored',
      example: { temperature: 0, num_predict: 64 },
    }),
    IsOptional(),
    IsObject({ message: 'options must be an object' }),
  );
}
