import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The development admin key `npm start` prints: GATEWAY_ADMIN_KEY when set, otherwise one
 * generated once and kept (mode 600) in the data folder, so it survives restarts.
 */
export function devAdminKey(dataDir: string): string {
  const configured = process.env['GATEWAY_ADMIN_KEY'];
  if (configured) return configured;
  const file = join(dataDir, 'dev-admin-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = `dev-admin-${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
