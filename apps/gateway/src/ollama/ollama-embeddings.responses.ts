import { ApiProperty } from '@nestjs/swagger';

export class OllamaEmbedResultDto {
  @ApiProperty({ description: 'As the request named it' })
  model!: string;

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number' } } })
  embeddings!: number[][];

  @ApiProperty({ description: 'Nanoseconds' })
  total_duration!: number;

  @ApiProperty({ description: 'Always 0: models are loaded when their service starts' })
  load_duration!: number;

  @ApiProperty({ description: 'Words of the input' })
  prompt_eval_count!: number;
}

export class OllamaEmbeddingResultDto {
  @ApiProperty({ type: [Number], description: 'Empty for an empty prompt' })
  embedding!: number[];
}
