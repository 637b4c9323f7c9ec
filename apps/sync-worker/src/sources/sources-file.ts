import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'yaml';
import { AddSourceRequest } from '@aip/contracts';

/**
 * SYNC_SOURCES_FILE: `sources: [{id, kind, collection, settings}]` in YAML or JSON (JSON is
 * YAML). A bad file stops the boot with the entry and the field at fault.
 */
export function readSourcesFile(path: string): AddSourceRequest[] {
  const document = parse(readFileSync(path, 'utf8')) as { sources?: unknown } | null;
  const entries = document?.sources;
  if (!Array.isArray(entries)) throw new Error(`${path}: expected "sources:" holding a list`);
  return entries.map((entry, index) => {
    const request = plainToInstance(AddSourceRequest, entry);
    const errors = validateSync(request, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
      throw new Error(`${path}: sources[${index}]: ${problems.join('; ')}`);
    }
    return request;
  });
}
