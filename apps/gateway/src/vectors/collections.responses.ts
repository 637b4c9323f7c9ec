import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISTANCES,
  PAYLOAD_FIELD_TYPES,
  QUANTIZATION_MODES,
  type CollectionInfo,
  type CollectionList,
  type CollectionSettings,
  type PayloadFieldType,
  type VectorDistance,
} from '@aip/contracts';

/** Quantizations a collection may report: the ones it can be given, and Qdrant's others. */
const REPORTED_QUANTIZATIONS = [...QUANTIZATION_MODES, 'product', 'binary'] as const;

export class HnswConfigDto {
  @ApiProperty({ description: 'Edges per node of the graph; 0: no graph' })
  m!: number;

  @ApiProperty()
  ef_construct!: number;
}

export class OptimizersConfigDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'KB of vectors a segment holds before it is indexed; null: the default',
  })
  indexing_threshold!: number | null;
}

export class CollectionSettingsDto implements CollectionSettings {
  @ApiProperty({ type: HnswConfigDto })
  hnsw_config!: HnswConfigDto;

  @ApiProperty({ type: OptimizersConfigDto })
  optimizers_config!: OptimizersConfigDto;

  @ApiProperty({ enum: REPORTED_QUANTIZATIONS })
  quantization!: (typeof REPORTED_QUANTIZATIONS)[number];
}

export class CollectionInfoDto implements CollectionInfo {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'Vector dimension' })
  size!: number;

  @ApiProperty({ enum: DISTANCES })
  distance!: VectorDistance;

  @ApiPropertyOptional({ description: 'The embedding model; absent for raw-vector collections' })
  model?: string;

  @ApiProperty({ description: "All points, or a tenant-scoped caller's own" })
  points_count!: number;

  @ApiPropertyOptional({ description: 'Absent for tenant-scoped callers' })
  indexed_vectors_count?: number;

  @ApiProperty({ description: "Qdrant's status: green, yellow, grey or red" })
  status!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...PAYLOAD_FIELD_TYPES] },
    description: 'Indexed payload fields and their index types',
  })
  payload_schema!: Record<string, PayloadFieldType>;

  @ApiProperty({ type: CollectionSettingsDto })
  config!: CollectionSettingsDto;
}

export class CollectionListDto implements CollectionList {
  @ApiProperty({ type: [String], description: 'Names of the collections the key may use' })
  collections!: string[];
}
