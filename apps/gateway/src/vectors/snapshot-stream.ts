import { Readable } from 'node:stream';
import type { Observable } from 'rxjs';
import type { SnapshotChunk } from '@aip/contracts';

export interface SnapshotBytes {
  /** Size of the whole file, from the first chunk. */
  size: number;
  body: Readable;
}

/**
 * The file's bytes as a stream, passed on chunk by chunk as they arrive. Resolves with the
 * first chunk, so an error before any byte (an unknown snapshot) still becomes a normal error
 * reply; a later error ends the body with it. A reader that goes away stops the transfer.
 */
export function snapshotBytes(chunks: Observable<SnapshotChunk>): Promise<SnapshotBytes> {
  return new Promise((resolve, reject) => {
    let started = false;
    const body = new Readable({ read: () => undefined });
    const subscription = chunks.subscribe({
      next: (chunk) => {
        if (!started) {
          started = true;
          resolve({ size: chunk.size, body });
        }
        body.push(Buffer.from(chunk.data, 'base64'));
      },
      error: (error: unknown) => (started ? body.destroy(error as Error) : reject(error)),
      complete: () => {
        if (!started) reject(new Error('The snapshot download ended before its first chunk'));
        body.push(null);
      },
    });
    body.once('close', () => subscription.unsubscribe());
  });
}
