import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  ChatMessageContract,
  GenerationSettings,
  MAX_BATCH_PROMPTS,
  MAX_PROMPT_CHARS,
} from '@aip/contracts';
import { ChatMessages } from './chat-messages.decorator';

/** What every generation route takes besides its input. */
class GenerationOptionsDto extends GenerationSettings {
  @ApiPropertyOptional({ description: 'Server-sent events as the text is generated' })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({
    description: 'Embed prompt and response into the conversations collection',
  })
  @IsOptional()
  @IsBoolean()
  store_embedding?: boolean;
}

export class GenerateDto extends GenerationOptionsDto {
  @ApiProperty({ maxLength: MAX_PROMPT_CHARS })
  @IsString({ message: 'prompt must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt!: string;
}

export class ChatDto extends GenerationOptionsDto {
  @ChatMessages()
  messages!: ChatMessageContract[];
}

/** Many prompts with the same settings, generated concurrently; no streaming. */
export class BatchGenerateDto extends GenerationSettings {
  @ApiProperty({ type: [String], maxItems: MAX_BATCH_PROMPTS })
  @IsArray({ message: 'prompts must be a list of strings' })
  @ArrayMinSize(1, { message: 'prompts must hold at least one prompt' })
  @ArrayMaxSize(MAX_BATCH_PROMPTS, {
    message: `prompts must hold at most ${MAX_BATCH_PROMPTS} prompts`,
  })
  @IsString({ each: true, message: 'each prompt must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, {
    each: true,
    message: `each prompt must be at most ${MAX_PROMPT_CHARS} characters`,
  })
  prompts!: string[];
}
