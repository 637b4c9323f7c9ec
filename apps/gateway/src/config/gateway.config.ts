import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsIn } from 'class-validator';
import { NATS_SERVICES, type NatsServiceName } from '@aip/contracts';
import { BaseConfig, EnvInt, EnvPort } from '@aip/platform';

export class GatewayConfig extends BaseConfig {
  @EnvPort()
  GATEWAY_PORT = 8000;

  /** Largest accepted request body; larger bodies get 413. */
  @EnvInt(1024, 100 * 1024 * 1024)
  GATEWAY_BODY_LIMIT_BYTES = 1024 * 1024;

  /** How long `/api/v1/health` waits for each service. */
  @EnvInt(50, 60_000)
  GATEWAY_HEALTH_TIMEOUT_MS = 2000;

  /** Services without which `/api/v1/health` answers 503 (comma-separated). */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @ArrayNotEmpty()
  @IsIn(NATS_SERVICES, {
    each: true,
    message: `GATEWAY_REQUIRED_SERVICES must list some of: ${NATS_SERVICES.join(', ')}`,
  })
  GATEWAY_REQUIRED_SERVICES: NatsServiceName[] = [...NATS_SERVICES];
}
