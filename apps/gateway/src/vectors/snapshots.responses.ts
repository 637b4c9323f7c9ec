import { ApiProperty } from '@nestjs/swagger';
import type { SnapshotInfo, SnapshotList, SnapshotRestored } from '@aip/contracts';
import { CollectionInfoDto } from './collections.responses';

export class SnapshotInfoDto implements SnapshotInfo {
  @ApiProperty({ description: 'The file name, ending in .snapshot' })
  name!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  creation_time!: string | null;

  @ApiProperty({ description: 'Bytes' })
  size!: number;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the file, when known' })
  checksum!: string | null;
}

export class SnapshotListDto implements SnapshotList {
  @ApiProperty({ type: [SnapshotInfoDto], description: 'Newest first' })
  snapshots!: SnapshotInfoDto[];
}

export class SnapshotRestoredDto implements SnapshotRestored {
  @ApiProperty({ description: 'The snapshot restored' })
  restored!: string;

  @ApiProperty({ type: CollectionInfoDto, description: 'The collection after the restore' })
  collection!: CollectionInfoDto;
}
