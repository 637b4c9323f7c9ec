import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FINISH_REASONS,
  MODEL_STATES,
  type FinishReason,
  type InferenceModelInfo,
  type ModelState,
} from '@aip/contracts';
import { TokenUsageDto } from './generation-events.responses';

/** A whole generation, as `/api/v1/generate` and `/api/v1/chat` answer without `stream`. */
export class GeneratedTextDto {
  @ApiProperty()
  model!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ enum: FINISH_REASONS })
  finish_reason!: FinishReason;

  @ApiProperty({ type: TokenUsageDto })
  usage!: TokenUsageDto;

  @ApiPropertyOptional({ description: 'The stored conversation point, with store_embedding' })
  vector_id?: string;
}

export class BatchGeneratedDto {
  @ApiProperty({ type: [GeneratedTextDto], description: "One per prompt, in the prompts' order" })
  results!: GeneratedTextDto[];

  @ApiProperty({ type: TokenUsageDto, description: 'All of the prompts together' })
  usage!: TokenUsageDto;
}

export class InferenceModelInfoDto implements InferenceModelInfo {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'The GGUF file or hf: URI it was loaded from' })
  source!: string;

  @ApiProperty({ description: 'Tokens of its context (0 until loaded)' })
  context_size!: number;

  @ApiProperty({ description: 'Requests it decodes together' })
  parallel!: number;

  @ApiProperty({ enum: MODEL_STATES })
  state!: ModelState;

  @ApiPropertyOptional({ description: 'Why it failed to load' })
  error?: string;

  @ApiProperty()
  default!: boolean;
}

export class InferenceModelListDto {
  @ApiProperty({ type: [InferenceModelInfoDto] })
  models!: InferenceModelInfoDto[];
}
