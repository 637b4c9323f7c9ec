import { ApiProperty } from '@nestjs/swagger';
import type { EmbeddingModelInfo } from '@aip/contracts';

export class EmbeddingsDto {
  @ApiProperty({ description: 'The model that embedded the texts' })
  model!: string;

  @ApiProperty()
  dimension!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
    description: 'One vector per text, in order',
  })
  embeddings!: number[][];

  @ApiProperty({ description: 'How many of the vectors came from the embedding cache' })
  cached!: number;
}

export class EmbeddingModelInfoDto implements EmbeddingModelInfo {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'The provider that embeds with it (glove-sif, llama-cpp, ...)' })
  provider!: string;

  @ApiProperty({ description: "The provider's own model name" })
  model!: string;

  @ApiProperty()
  dimension!: number;

  @ApiProperty()
  ready!: boolean;

  @ApiProperty()
  default!: boolean;
}

export class EmbeddingModelListDto {
  @ApiProperty({ type: [EmbeddingModelInfoDto] })
  models!: EmbeddingModelInfoDto[];
}
