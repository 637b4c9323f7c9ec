import type { BaseConfig } from '../config/base.config';

/**
 * Connection options shared by every NATS server and client of the platform. Reconnect
 * forever: with the client's default of 10 attempts, an outage of ~20 s closes the connection
 * for good and a Nest microservice then exits with code 0.
 */
export function natsConnectionOptions(config: BaseConfig, name: string) {
  return {
    servers: config.NATS_URL.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    waitOnFirstConnect: true,
  };
}
