import { isIP } from 'node:net';
import type { VectorEngineConfig } from './vector-engine.config';

/** Addresses only this machine can reach; anything unrecognised counts as reachable. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Why the engine must not start as configured, or undefined: listening beyond loopback with
 * no API key would hand every tenant's points to whoever reaches the port.
 */
export function unprotectedBindProblem(config: VectorEngineConfig): string | undefined {
  if (isLoopback(config.HOST)) return undefined;
  if (config.VECTOR_ENGINE_API_KEY || config.VECTOR_ENGINE_READ_ONLY_API_KEY) return undefined;
  return (
    `vector-engine refuses to listen on HOST=${config.HOST} (not a loopback address) without an API key: ` +
    'set VECTOR_ENGINE_API_KEY (and VECTOR_ENGINE_READ_ONLY_API_KEY for read-only clients), ' +
    'or bind HOST=127.0.0.1'
  );
}
