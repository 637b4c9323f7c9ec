import { join } from 'node:path';
import { readAppVersion } from '@aip/platform';
import { offlineOpenApiDocument } from './offline-document';

/**
 * `npm run openapi`: writes the gateway's OpenAPI document to stdout, the same one `/docs-json`
 * serves, without starting anything. Generate a client from it, or diff it between versions.
 */
async function printDocument(): Promise<void> {
  const document = await offlineOpenApiDocument(readAppVersion(join(__dirname, '..')));
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

printDocument().catch((error: unknown) => {
  process.stderr.write(`could not build the OpenAPI document: ${String(error)}\n`);
  process.exitCode = 1;
});
