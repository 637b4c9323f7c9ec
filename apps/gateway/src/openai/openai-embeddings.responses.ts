import { ApiProperty } from '@nestjs/swagger';

export class OpenAiEmbeddingDto {
  @ApiProperty({ enum: ['embedding'] })
  object!: 'embedding';

  @ApiProperty({ description: 'Which input it embeds' })
  index!: number;

  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'number' } },
      { type: 'string', format: 'byte' },
    ],
    description: 'The vector; with encoding_format base64, its little-endian float32 bytes',
  })
  embedding!: number[] | string;
}

export class OpenAiEmbeddingUsageDto {
  @ApiProperty({ description: 'Words of the input: the models here share no tokenizer' })
  prompt_tokens!: number;

  @ApiProperty()
  total_tokens!: number;
}

export class OpenAiEmbeddingListDto {
  @ApiProperty({ enum: ['list'] })
  object!: 'list';

  @ApiProperty({ type: [OpenAiEmbeddingDto] })
  data!: OpenAiEmbeddingDto[];

  @ApiProperty()
  model!: string;

  @ApiProperty({ type: OpenAiEmbeddingUsageDto })
  usage!: OpenAiEmbeddingUsageDto;
}
