import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const CAPABILITIES = ['completion', 'embedding'] as const;

export class OllamaModelDetailsDto {
  @ApiProperty()
  parent_model!: string;

  @ApiProperty({ description: "gguf, or the embedding provider's name" })
  format!: string;

  @ApiProperty()
  family!: string;

  @ApiProperty({ type: [String] })
  families!: string[];

  @ApiProperty()
  parameter_size!: string;

  @ApiProperty()
  quantization_level!: string;
}

/** One model of `/api/tags`. */
export class OllamaTagDto {
  @ApiProperty({ description: 'name:latest' })
  name!: string;

  @ApiProperty()
  model!: string;

  @ApiProperty({ format: 'date-time', description: 'The epoch: the platform records no dates' })
  modified_at!: string;

  @ApiProperty({ description: 'Always 0: the gateway never sees the file' })
  size!: number;

  @ApiProperty({ description: 'SHA-256 of where the model comes from' })
  digest!: string;

  @ApiProperty({ type: OllamaModelDetailsDto })
  details!: OllamaModelDetailsDto;
}

export class OllamaTagListDto {
  @ApiProperty({ type: [OllamaTagDto] })
  models!: OllamaTagDto[];
}

/** One loaded model of `/api/ps`. */
export class OllamaRunningModelDto extends OllamaTagDto {
  @ApiProperty({ format: 'date-time', description: 'Never: models stay loaded' })
  expires_at!: string;

  @ApiProperty()
  size_vram!: number;

  @ApiPropertyOptional({ description: 'Generation models: tokens of context' })
  context_length?: number;
}

export class OllamaRunningListDto {
  @ApiProperty({ type: [OllamaRunningModelDto] })
  models!: OllamaRunningModelDto[];
}

/** `/api/show`: what the platform knows of a model, in Ollama's fields. */
export class OllamaModelInfoDto {
  @ApiProperty()
  license!: string;

  @ApiProperty()
  modelfile!: string;

  @ApiProperty()
  parameters!: string;

  @ApiProperty()
  template!: string;

  @ApiProperty({ type: OllamaModelDetailsDto })
  details!: OllamaModelDetailsDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'general.context_length, general.embedding_length',
  })
  model_info!: Record<string, number>;

  @ApiProperty({ enum: CAPABILITIES, isArray: true })
  capabilities!: (typeof CAPABILITIES)[number][];

  @ApiProperty({ format: 'date-time' })
  modified_at!: string;
}

export class OllamaVersionDto {
  @ApiProperty({ description: 'The Ollama release whose API this one follows' })
  version!: string;
}
