import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { MAX_TEXT_CHARS, MAX_TEXTS_PER_REQUEST } from '@aip/contracts';
import { KeepAlive, OllamaModel, OllamaOptions } from './ollama-fields.decorator';

/** `input` of `/api/embed`: a string or a list, empty as Ollama allows (nothing is embedded). */
function IsEmbedInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmbedInput',
      validator: {
        validate: (value: unknown) => {
          const texts = typeof value === 'string' ? [value] : value;
          return (
            Array.isArray(texts) &&
            texts.length <= MAX_TEXTS_PER_REQUEST &&
            texts.every((t) => typeof t === 'string' && t.length <= MAX_TEXT_CHARS)
          );
        },
        defaultMessage: () =>
          `input must be a string or a list of at most ${MAX_TEXTS_PER_REQUEST} strings of at most ${MAX_TEXT_CHARS} characters`,
      },
    },
    options,
  );
}

export class OllamaEmbedDto {
  @OllamaModel()
  model!: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  @IsEmbedInput()
  input!: string | string[];

  @ApiPropertyOptional({
    description: 'Keep the first dimensions of each vector, normalized again to length 1',
  })
  @IsOptional()
  @IsInt({ message: 'dimensions must be a whole number' })
  @Min(1, { message: 'dimensions must be at least 1' })
  dimensions?: number;

  // Accepted and ignored: the embedding service takes texts up to its own limit and refuses
  // longer ones, rather than cutting them as Ollama's truncate does.
  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsBoolean()
  truncate?: boolean;

  @KeepAlive()
  keep_alive?: string | number;

  @OllamaOptions()
  options?: Record<string, unknown>;
}

/** The legacy `/api/embeddings`: one `prompt`, one `embedding`. */
export class OllamaEmbeddingsDto {
  @OllamaModel()
  model!: string;

  @ApiProperty({ maxLength: MAX_TEXT_CHARS })
  @IsString({ message: 'prompt must be a string' })
  @MaxLength(MAX_TEXT_CHARS, { message: `prompt must be at most ${MAX_TEXT_CHARS} characters` })
  prompt!: string;

  @KeepAlive()
  keep_alive?: string | number;

  @OllamaOptions()
  options?: Record<string, unknown>;
}
