import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Disk space a folder takes, in MiB: allocated blocks of every file below it, as `du` counts. */
export function folderMiB(dir: string): number | undefined {
  try {
    return blocksBelow(dir) / 2 ** 20;
  } catch {
    return undefined; // Gone, or unreadable.
  }
}

function blocksBelow(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.blocks * 512;
  let bytes = stat.blocks * 512;
  for (const entry of readdirSync(path)) bytes += blocksBelow(join(path, entry));
  return bytes;
}
