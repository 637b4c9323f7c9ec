import { OmitType } from '@nestjs/swagger';
import {
  CreateCollectionRequest,
  DeletePointsRequest,
  ScrollPointsRequest,
  SearchPointsRequest,
  UpsertPointsRequest,
} from '@aip/contracts';

// Bodies are the NATS contracts minus what the gateway sets itself: the collection comes from
// the path, the tenant from the caller's credential (a body can never choose it).
export class CreateCollectionDto extends CreateCollectionRequest {}
export class UpsertPointsDto extends OmitType(UpsertPointsRequest, [
  'collection',
  'tenant',
] as const) {}
export class DeletePointsDto extends OmitType(DeletePointsRequest, [
  'collection',
  'tenant',
] as const) {}
export class SearchPointsDto extends OmitType(SearchPointsRequest, [
  'collection',
  'tenant',
] as const) {}
export class ScrollPointsDto extends OmitType(ScrollPointsRequest, [
  'collection',
  'tenant',
] as const) {}
