import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { AddSourceRequest } from '@aip/contracts';

/** The body of POST /api/v1/sources is the NATS contract: the sync-worker checks settings per kind. */
export class AddSourceDto extends AddSourceRequest {}

export class RemoveSourceQueryDto {
  @ApiPropertyOptional({
    description: 'Leave the documents the source wrote in its collection (default false)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'keep_documents must be true or false' })
  keep_documents?: boolean;
}
