import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A development secret: the variable's value when set, otherwise one generated once and kept
 * (mode 600) in the data folder, so it survives restarts and differs between data folders.
 */
function devKey(dataDir: string, variable: string, file: string, prefix: string): string {
  const configured = process.env[variable];
  if (configured) return configured;
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const key = `${prefix}-${randomBytes(24).toString('base64url')}`;
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

/** The gateway admin key `npm start` prints (GATEWAY_ADMIN_KEY). */
export const devAdminKey = (dataDir: string): string =>
  devKey(dataDir, 'GATEWAY_ADMIN_KEY', 'dev-admin-key', 'dev-admin');

/**
 * vector-engine's read-write key for the engine and the vector service: loopback is shared by
 * every user and process of the machine, so the engine's port alone keeps nothing private.
 */
export function devEngineKeyEnv(dataDir: string): Record<string, string> {
  const key = devKey(dataDir, 'VECTOR_ENGINE_API_KEY', 'dev-vector-engine-key', 'dev-engine');
  return { VECTOR_ENGINE_API_KEY: key, QDRANT_API_KEY: key };
}
