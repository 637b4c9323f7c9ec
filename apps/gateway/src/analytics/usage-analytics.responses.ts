import { ApiProperty } from '@nestjs/swagger';
import type { KeyUsage } from '../usage/usage.service';

export class KeyUsageDto implements KeyUsage {
  @ApiProperty({ description: 'The API key id (never the key)' })
  key_id!: string;

  @ApiProperty()
  requests!: number;

  @ApiProperty({ description: 'Requests answered with an error status' })
  errors!: number;

  @ApiProperty({ description: 'Generated tokens' })
  tokens!: number;

  @ApiProperty()
  avg_latency_ms!: number;
}

export class UsageReportDto {
  @ApiProperty({ type: [KeyUsageDto] })
  keys!: KeyUsageDto[];
}
