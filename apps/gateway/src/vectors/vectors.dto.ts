import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  COLLECTION_NAME,
  CreateCollectionRequest,
  DeletePointsRequest,
  MAX_LIMIT,
  PointInput,
  ScrollPointsRequest,
  SearchPointsRequest,
  UpsertPointsRequest,
} from '@aip/contracts';

// Bodies are the NATS contracts minus what the gateway sets itself: the tenant comes from the
// caller's credential, so a body can never choose it.
export class CreateCollectionDto extends CreateCollectionRequest {}
export class InsertPointDto extends PointInput {
  @Matches(COLLECTION_NAME, { message: 'collection must be 1-64 letters, digits, _ or -' })
  collection!: string;
}
export class BatchPointsDto extends OmitType(UpsertPointsRequest, ['tenant'] as const) {}
export class DeletePointsDto extends OmitType(DeletePointsRequest, ['tenant'] as const) {}
export class ScrollPointsDto extends OmitType(ScrollPointsRequest, ['tenant'] as const) {}
export class SearchPointsDto extends OmitType(SearchPointsRequest, ['tenant', 'limit'] as const) {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT, { message: `top_k must be at most ${MAX_LIMIT}` })
  top_k?: number;
}

export class CollectionQueryDto {
  @Matches(COLLECTION_NAME, { message: 'collection must be 1-64 letters, digits, _ or -' })
  collection!: string;
}
