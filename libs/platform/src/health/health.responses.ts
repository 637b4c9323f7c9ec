import { ApiProperty } from '@nestjs/swagger';
import type { DependencyHealth, DependencyState, ServiceHealthReply } from '@aip/contracts';

const DEPENDENCY_STATES: readonly DependencyState[] = ['up', 'degraded', 'down'];

/** The reply of `/health/live`. */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** The reply of `/health/ready`, and of every service's health subject. */
export class ServiceHealthReplyDto implements ServiceHealthReply {
  @ApiProperty()
  service!: string;

  @ApiProperty()
  version!: string;

  @ApiProperty()
  ready!: boolean;

  @ApiProperty()
  uptimeSeconds!: number;

  @ApiProperty({
    type: 'object',
    // Each indicator adds details of its own beside the status.
    additionalProperties: {
      type: 'object',
      properties: { status: { type: 'string', enum: [...DEPENDENCY_STATES] } },
      required: ['status'],
      additionalProperties: true,
    },
    description: 'Each dependency by name: its status and what its check found',
  })
  checks!: Record<string, DependencyHealth>;
}
