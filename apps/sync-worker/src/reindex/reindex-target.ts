import { MAX_COLLECTION_NAME_CHARS } from './reindex-limits';

const VERSION_SUFFIX = /__v(\d+)$/;

/**
 * The next collection to build behind a name: `<name>__v<n>`, one past the version behind it
 * now, shortened at the front of the name when it would not fit a collection name.
 */
export function nextTarget(name: string, current: string): string {
  const version = Number(VERSION_SUFFIX.exec(current)?.[1] ?? 0) + 1;
  const suffix = `__v${version}`;
  return `${name.slice(0, MAX_COLLECTION_NAME_CHARS - suffix.length)}${suffix}`;
}
