import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { OllamaOptions } from './ollama-fields.decorator';

/** `/api/show`: the model by `model`, or by `name` as older clients send it. */
export class OllamaShowDto {
  @ApiPropertyOptional({ example: 'default:latest' })
  @IsOptional()
  @IsString({ message: 'model must be a string' })
  @MaxLength(256, { message: 'model must be at most 256 characters' })
  model?: string;

  @ApiPropertyOptional({ description: 'The older name of model' })
  @IsOptional()
  @IsString({ message: 'name must be a string' })
  @MaxLength(256, { message: 'name must be at most 256 characters' })
  name?: string;

  @ApiPropertyOptional({ description: 'Accepted; the answer is the same' })
  @IsOptional()
  @IsBoolean()
  verbose?: boolean;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsString()
  system?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored' })
  @IsOptional()
  @IsString()
  template?: string;

  @OllamaOptions()
  options?: Record<string, unknown>;
}
