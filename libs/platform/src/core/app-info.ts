import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which app this process is, for logs, health replies and metrics. */
export class AppInfo {
  readonly startedAt = Date.now();

  constructor(
    readonly service: string,
    readonly version: string,
  ) {}
}

/** The version in the package.json of the app whose `src/` or `dist/` holds `dir`. */
export function readAppVersion(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}
