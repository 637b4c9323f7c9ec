import { readFileSync } from 'node:fs';
import {
  credsAuthenticator,
  nkeyAuthenticator,
  type ConnectionOptions,
  type TlsOptions,
} from '@nats-io/transport-node';
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
    ...natsCredentials(config),
    ...natsTls(config),
  };
}

/** At most one method is set (BaseConfig checks that at boot). */
function natsCredentials(config: BaseConfig): Partial<ConnectionOptions> {
  if (config.NATS_USER !== undefined) return { user: config.NATS_USER, pass: config.NATS_PASSWORD };
  if (config.NATS_TOKEN !== undefined) return { token: config.NATS_TOKEN };
  // Files are read on every (re)connect, so rotated credentials apply without a restart.
  const creds = config.NATS_CREDS_FILE;
  if (creds !== undefined) return { authenticator: credsAuthenticator(() => readFileSync(creds)) };
  const seed = config.NATS_NKEY_SEED_FILE;
  if (seed !== undefined)
    return {
      authenticator: nkeyAuthenticator(() =>
        new TextEncoder().encode(readFileSync(seed, 'utf8').trim()),
      ),
    };
  return {};
}

/** The transport loads these files itself on each connection. */
function natsTls(config: BaseConfig): { tls?: TlsOptions } {
  const files: TlsOptions = {
    caFile: config.NATS_TLS_CA_FILE,
    certFile: config.NATS_TLS_CERT_FILE,
    keyFile: config.NATS_TLS_KEY_FILE,
  };
  const given = Object.entries(files).filter(([, path]) => path !== undefined);
  return given.length === 0 ? {} : { tls: Object.fromEntries(given) as TlsOptions };
}
