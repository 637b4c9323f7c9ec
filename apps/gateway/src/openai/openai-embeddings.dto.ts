import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { MAX_TEXT_CHARS, MAX_TEXTS_PER_REQUEST } from '@aip/contracts';

const MODEL_NAME = /^[\w.:-]{1,100}$/;

/** `input` of the OpenAI API: one string or a list of strings, within the platform's limits. */
function IsEmbeddingInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmbeddingInput',
      validator: {
        validate: (value: unknown) => {
          const texts = typeof value === 'string' ? [value] : value;
          return (
            Array.isArray(texts) &&
            texts.length >= 1 &&
            texts.length <= MAX_TEXTS_PER_REQUEST &&
            texts.every((t) => typeof t === 'string' && t.length <= MAX_TEXT_CHARS)
          );
        },
        defaultMessage: () =>
          `input must be a string or a list of 1 to ${MAX_TEXTS_PER_REQUEST} strings of at most ${MAX_TEXT_CHARS} characters`,
      },
    },
    options,
  );
}

export class OpenAiEmbeddingsDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })
  @IsEmbeddingInput()
  input!: string | string[];

  @ApiProperty({ description: 'A configured model name; "default" for the default model' })
  @Matches(MODEL_NAME, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model!: string;

  @ApiPropertyOptional({ enum: ['float', 'base64'] })
  @IsOptional()
  @IsIn(['float', 'base64'])
  encoding_format?: 'float' | 'base64';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;
}
