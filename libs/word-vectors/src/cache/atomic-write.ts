import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file through a temporary name and a rename, so a reader (or a process started after
 * a crash) sees either the old file or the whole new one, never a prefix. Replicas sharing a
 * folder may race: each writes its own temporary file and the last rename wins.
 */
export async function writeFileAtomic(file: string, parts: Uint8Array[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      for (const part of parts) await handle.write(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
