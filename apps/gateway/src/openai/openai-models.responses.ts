import { ApiProperty } from '@nestjs/swagger';
import { MODEL_STATES, type ModelState } from '@aip/contracts';

/** A model of OpenAI's `/v1/models`, with the platform's context size and state. */
export class OpenAiModelDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['model'] })
  object!: 'model';

  @ApiProperty({ description: 'Always 0: the platform records no creation date' })
  created!: number;

  @ApiProperty()
  owned_by!: string;

  @ApiProperty({ description: 'Tokens of its context (0 until loaded)' })
  context_size!: number;

  @ApiProperty({ enum: MODEL_STATES })
  state!: ModelState;
}

export class OpenAiModelListDto {
  @ApiProperty({ enum: ['list'] })
  object!: 'list';

  @ApiProperty({ type: [OpenAiModelDto] })
  data!: OpenAiModelDto[];
}
