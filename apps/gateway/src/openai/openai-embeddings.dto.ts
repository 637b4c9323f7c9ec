import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Min,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import {
  EMBEDDING_INPUT_RULE,
  isEmbeddingInput,
  OPENAI_MAX_EMBEDDING_INPUTS,
  type OpenAiEmbeddingInput,
} from './openai-embedding-input';

const MODEL_NAME = /^[\w.:-]{1,100}$/;

/** `input` of the OpenAI API: see isEmbeddingInput. */
function IsEmbeddingInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmbeddingInput',
      validator: { validate: isEmbeddingInput, defaultMessage: () => EMBEDDING_INPUT_RULE },
    },
    options,
  );
}

export class OpenAiEmbeddingsDto {
  @ApiProperty({
    oneOf: [
      { type: 'string' },
      { type: 'array', items: { type: 'string' }, maxItems: OPENAI_MAX_EMBEDDING_INPUTS },
      { type: 'array', items: { type: 'integer' } },
      { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
    ],
  })
  @IsEmbeddingInput()
  input!: OpenAiEmbeddingInput;

  @ApiProperty({ description: 'A configured model name; "default" for the default model' })
  @Matches(MODEL_NAME, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model!: string;

  @ApiPropertyOptional({ enum: ['float', 'base64'] })
  @IsOptional()
  @IsIn(['float', 'base64'])
  encoding_format?: 'float' | 'base64';

  @ApiPropertyOptional({ description: "Only the model's own dimension: no model here shortens" })
  @IsOptional()
  @IsInt({ message: 'dimensions must be a whole number' })
  @Min(1, { message: 'dimensions must be at least 1' })
  dimensions?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;
}
