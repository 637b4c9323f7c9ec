import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { NestedObject } from '@aip/contracts';

export const TEXT_FORMATS = ['text', 'json_object', 'json_schema'] as const;
export type TextFormatType = (typeof TEXT_FORMATS)[number];

const isJsonSchema = (format: ResponsesTextFormatDto) => format.type === 'json_schema';

/** `text.format`: plain text, any JSON object, or JSON that follows a schema (flat, unlike chat's). */
export class ResponsesTextFormatDto {
  @ApiProperty({ enum: TEXT_FORMATS })
  @IsIn(TEXT_FORMATS, { message: `text.format.type must be one of: ${TEXT_FORMATS.join(', ')}` })
  type!: TextFormatType;

  @ApiPropertyOptional({ description: "With json_schema: the schema's name" })
  @ValidateIf(isJsonSchema)
  @IsString({ message: 'text.format.name must be a string' })
  @Matches(/^[\w-]{1,64}$/, { message: 'text.format.name must be 1-64 letters, digits, _ or -' })
  name?: string;

  @ApiPropertyOptional({
    description: 'With json_schema: the JSON schema the output follows (a grammar enforces it)',
  })
  @ValidateIf(isJsonSchema)
  @IsObject({ message: 'text.format.schema must be a JSON schema object' })
  schema?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'text.format.description must be a string' })
  @MaxLength(4096, { message: 'text.format.description must be at most 4096 characters' })
  description?: string;

  @ApiPropertyOptional({ description: 'Accepted: the output always follows the schema' })
  @IsOptional()
  @IsBoolean({ message: 'text.format.strict must be a boolean' })
  strict?: boolean | null;
}

/** `text`: how the output is written. */
export class ResponsesTextDto {
  @ApiPropertyOptional({ type: ResponsesTextFormatDto })
  @IsOptional()
  @NestedObject(() => ResponsesTextFormatDto, 'text.format')
  format?: ResponsesTextFormatDto;
}

/**
 * The JSON schema a text format asks the output to follow, as the chat contract takes it: none
 * for text, the empty schema (any JSON object) for json_object.
 */
export function jsonSchemaOfFormat(
  format: ResponsesTextFormatDto | undefined,
): Record<string, unknown> | undefined {
  if (format === undefined || format.type === 'text') return undefined;
  return format.type === 'json_object' ? {} : format.schema;
}
