import { OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  COLLECTION_NAME,
  CreateCollectionRequest,
  DeletePointsRequest,
  MAX_LIMIT,
  MAX_SEARCH_BATCH,
  PointInput,
  rules,
  ScrollPointsRequest,
  SearchPointsRequest,
  SearchQuery,
  UpdatePointRequest,
  UpsertPointsRequest,
  NestedObjects,
} from '@aip/contracts';

const COLLECTION_MESSAGE = 'collection must be 1-64 letters, digits, _ or -';

/** `top_k`: how many hits a search returns (the contracts' `limit`). */
export const TopK = () =>
  rules(
    IsOptional(),
    IsInt(),
    Min(1),
    Max(MAX_LIMIT, { message: `top_k must be at most ${MAX_LIMIT}` }),
  );

// Bodies are the NATS contracts minus what the gateway sets itself: the tenant comes from the
// caller's credential, so a body can never choose it.
export class CreateCollectionDto extends CreateCollectionRequest {}
export class InsertPointDto extends PointInput {
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection!: string;
}
export class BatchPointsDto extends OmitType(UpsertPointsRequest, ['tenant'] as const) {}
export class DeletePointsDto extends OmitType(DeletePointsRequest, ['tenant'] as const) {}
export class ScrollPointsDto extends OmitType(ScrollPointsRequest, ['tenant'] as const) {}
export class SearchPointsDto extends OmitType(SearchPointsRequest, ['tenant', 'limit'] as const) {
  @TopK()
  top_k?: number;
}

export class SearchQueryDto extends OmitType(SearchQuery, ['limit'] as const) {
  @TopK()
  top_k?: number;
}

export class SearchBatchDto {
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'queries must hold at least one query' })
  @ArrayMaxSize(MAX_SEARCH_BATCH, {
    message: `queries must hold at most ${MAX_SEARCH_BATCH} queries`,
  })
  @NestedObjects(() => SearchQueryDto, 'queries')
  queries!: SearchQueryDto[];
}

/** The point's id is in the path; its collection in the query (?collection=) or the body. */
export class UpdatePointDto extends OmitType(UpdatePointRequest, [
  'tenant',
  'id',
  'collection',
] as const) {
  @IsOptional()
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection?: string;
}

export class CollectionQueryDto {
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection!: string;
}

export class OptionalCollectionQueryDto {
  @IsOptional()
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection?: string;
}
