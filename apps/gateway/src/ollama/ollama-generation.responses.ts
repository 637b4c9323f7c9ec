import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FINISH_REASONS } from '@aip/contracts';
import type { OllamaStats } from './ollama-reply';

/** `load`: the request had nothing to generate, and the model is loaded. */
const DONE_REASONS = [...FINISH_REASONS, 'load'] as const;

/** What every object of an Ollama generation reply carries: the whole reply, or a streamed line. */
class OllamaReplyDto implements Partial<OllamaStats> {
  @ApiProperty({ description: 'As the request named it' })
  model!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ description: 'true on the last line of a stream, and on a whole reply' })
  done!: boolean;

  @ApiPropertyOptional({ enum: DONE_REASONS, description: 'When done' })
  done_reason?: (typeof DONE_REASONS)[number];

  @ApiPropertyOptional({ description: 'Nanoseconds, when done' })
  total_duration?: number;

  @ApiPropertyOptional({ description: 'Always 0: models are loaded when their service starts' })
  load_duration?: number;

  @ApiPropertyOptional({ description: 'Prompt tokens, when done' })
  prompt_eval_count?: number;

  @ApiPropertyOptional({ description: 'Nanoseconds from the request to the first text' })
  prompt_eval_duration?: number;

  @ApiPropertyOptional({ description: 'Generated tokens, when done' })
  eval_count?: number;

  @ApiPropertyOptional({ description: 'Nanoseconds from the first text to the end' })
  eval_duration?: number;
}

export class OllamaChatMessageDto {
  @ApiProperty({ enum: ['assistant'] })
  role!: 'assistant';

  @ApiProperty({ description: 'The text: a piece of it on a streamed line, all of it otherwise' })
  content!: string;
}

export class OllamaChatReplyDto extends OllamaReplyDto {
  @ApiProperty({ type: OllamaChatMessageDto })
  message!: OllamaChatMessageDto;
}

export class OllamaGenerateReplyDto extends OllamaReplyDto {
  @ApiProperty({ description: 'The text: a piece of it on a streamed line, all of it otherwise' })
  response!: string;
}
