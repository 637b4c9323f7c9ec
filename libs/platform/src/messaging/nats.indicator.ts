import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { INDICATOR_TIMEOUT_MS, type ReadinessIndicator } from '../health/readiness-indicator';
import { NATS_CLIENT } from './nats-client.token';

/** NATS is up when a round trip to the server (PING/PONG) completes. */
@Injectable()
export class NatsIndicator implements ReadinessIndicator {
  readonly key = 'nats';

  constructor(
    @Inject(NATS_CLIENT) private readonly client: ClientProxy,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return this.indicators
      .check(this.key)
      .attempt(async () => {
        await this.client.connect();
        const connection = this.client.unwrap<NatsConnection>();
        if (connection.isClosed()) throw new Error('connection closed');
        const rttMs = await connection.rtt();
        return { server: connection.getServer(), rttMs: Math.round(rttMs * 10) / 10 };
      })
      .withTimeout(INDICATOR_TIMEOUT_MS);
  }
}
