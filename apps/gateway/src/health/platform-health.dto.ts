import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DependencyHealth } from '@aip/contracts';

export class ServiceStatusDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ description: 'Whether /api/v1/health fails when this service is down' })
  required!: boolean;

  @ApiPropertyOptional()
  version?: string;

  @ApiProperty({ description: 'Round trip over NATS, in milliseconds' })
  latencyMs!: number;

  @ApiPropertyOptional({ description: "The service's own dependency checks" })
  checks?: Record<string, DependencyHealth>;

  @ApiPropertyOptional({ description: 'Why the service counts as down' })
  error?: string;
}

export class PlatformHealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'degraded: an optional service is down' })
  status!: 'ok' | 'degraded';

  @ApiProperty()
  version!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ServiceStatusDto' },
  })
  services!: Record<string, ServiceStatusDto>;
}
