import { Matches } from 'class-validator';
import { COLLECTION_NAME, SNAPSHOT_NAME } from '@aip/contracts';

export class CollectionPathDto {
  @Matches(COLLECTION_NAME, { message: 'name must be 1-64 letters, digits, _ or -' })
  name!: string;
}

export class SnapshotPathDto extends CollectionPathDto {
  @Matches(SNAPSHOT_NAME, {
    message: 'snapshot must be a snapshot file name: letters, digits, _ . - ending in .snapshot',
  })
  snapshot!: string;
}
