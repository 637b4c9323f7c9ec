import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { NestedObject } from '@aip/contracts';
import { ROLES, type Role } from '@aip/rbac';

export class RateLimitDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 10_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  requests_per_minute?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  tokens_per_minute?: number;
}

export class CreateApiKeyDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Confine the key to one tenant', maxLength: 128 })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  tenant?: string;

  @ApiPropertyOptional({ type: [String], description: 'Only these collections', maxItems: 1000 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  collections?: string[];

  @ApiPropertyOptional({ type: RateLimitDto })
  @IsOptional()
  @NestedObject(() => RateLimitDto, 'rate_limit')
  rate_limit?: RateLimitDto;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  expires_at?: string;
}
