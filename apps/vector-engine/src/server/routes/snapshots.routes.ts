import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/engine-error';
import { SnapshotStore } from '../../engine/snapshots/snapshot-store';
import { body, collectionParam } from '../request-parsing';
import { qdrantRoute } from './route';

/** Largest snapshot accepted by upload. */
export const MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024 * 1024;

async function download(url: string, directory: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(600_000) });
  if (!response.ok)
    throw EngineError.badInput(`Could not download snapshot from ${url}: HTTP ${response.status}`);
  const file = join(directory, 'download.snapshot');
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** Collection snapshots: create, list, download, delete, recover from a location or an upload. */
export function snapshotsRoutes(app: FastifyInstance, engine: Engine): void {
  const snapshots = new SnapshotStore(engine);
  void app.register(multipart, { limits: { fileSize: MAX_SNAPSHOT_BYTES, files: 1 } });

  qdrantRoute(app, 'POST', '/collections/:collection_name/snapshots', (request) =>
    snapshots.create(collectionParam(request)),
  );
  qdrantRoute(app, 'GET', '/collections/:collection_name/snapshots', (request) =>
    snapshots.list(collectionParam(request)),
  );
  qdrantRoute(
    app,
    'DELETE',
    '/collections/:collection_name/snapshots/:snapshot_name',
    (request) => {
      snapshots.delete(
        collectionParam(request),
        (request.params as { snapshot_name: string }).snapshot_name,
      );
      return true;
    },
  );

  app.get('/collections/:collection_name/snapshots/:snapshot_name', async (request, reply) => {
    const name = (request.params as { snapshot_name: string }).snapshot_name;
    const file = snapshots.file(engine.get(collectionParam(request)).name, name);
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    reply.type('application/octet-stream');
    return reply.send(createReadStream(file));
  });

  qdrantRoute(app, 'PUT', '/collections/:collection_name/snapshots/recover', async (request) => {
    const request_ = body(request);
    const location = request_['location'];
    if (typeof location !== 'string' || location.length === 0)
      throw EngineError.badInput('location must be a file path or URL');
    const checksum = typeof request_['checksum'] === 'string' ? request_['checksum'] : undefined;
    const scratch = await mkdtemp(join(tmpdir(), 'vector-engine-'));
    try {
      const file = /^https?:\/\//.test(location)
        ? await download(location, scratch)
        : location.startsWith('file://')
          ? fileURLToPath(location)
          : location;
      await snapshots.recover(collectionParam(request), file, checksum);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return true;
  });

  qdrantRoute(app, 'POST', '/collections/:collection_name/snapshots/upload', async (request) => {
    const upload = await request.file();
    if (!upload)
      throw EngineError.badInput('Upload a snapshot file in the multipart field `snapshot`');
    const scratch = await mkdtemp(join(tmpdir(), 'vector-engine-'));
    try {
      const file = join(scratch, 'upload.snapshot');
      await writeFile(file, await upload.toBuffer());
      const checksum = (request.query as Record<string, unknown>)['checksum'];
      await snapshots.recover(
        collectionParam(request),
        file,
        typeof checksum === 'string' ? checksum : undefined,
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return true;
  });
}
