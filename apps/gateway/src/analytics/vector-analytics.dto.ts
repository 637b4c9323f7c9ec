import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { COLLECTION_NAME, MAX_FREQUENT_QUERIES } from '@aip/contracts';

export class VectorAnalyticsQueryDto {
  @ApiPropertyOptional({
    description: 'One collection; every collection the key may use when absent',
  })
  @IsOptional()
  @Matches(COLLECTION_NAME, { message: 'collection must be 1-64 letters, digits, _ or -' })
  collection?: string;
}

export class SearchAnalyticsQueryDto extends VectorAnalyticsQueryDto {
  @ApiPropertyOptional({
    description: `Frequent queries listed per collection (0-${MAX_FREQUENT_QUERIES}, default 10)`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'top must be an integer' })
  @Min(0, { message: 'top must be at least 0' })
  @Max(MAX_FREQUENT_QUERIES, { message: `top must be at most ${MAX_FREQUENT_QUERIES}` })
  top?: number;
}
