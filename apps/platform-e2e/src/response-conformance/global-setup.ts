import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOCUMENT_PATH_VARIABLE = 'AIP_E2E_OPENAPI_DOCUMENT';

/**
 * Writes the gateway's OpenAPI document (from the build the e2e tests run) to a file once per
 * run, for every test file's response check to read.
 */
export default function writeOpenApiDocument(): void {
  const root = join(__dirname, '..', '..', '..', '..');
  const document = execFileSync(
    process.execPath,
    [join(root, 'apps', 'gateway', 'dist', 'docs', 'print-document.js')],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const file = join(mkdtempSync(join(tmpdir(), 'aip-e2e-openapi-')), 'openapi.json');
  writeFileSync(file, document);
  process.env[DOCUMENT_PATH_VARIABLE] = file;
}
