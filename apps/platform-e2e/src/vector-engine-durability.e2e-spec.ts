import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import { appEntry, getJson, ManagedProcess, reservePort, waitFor } from '@aip/platform';

const BATCH = 64;
const WRITERS = 4;

async function startEngine(port: number, dataDir: string): Promise<ManagedProcess> {
  const engine = new ManagedProcess({
    name: 'vector-engine',
    command: process.execPath,
    args: [appEntry('vector-engine'), '--port', String(port), '--data', dataDir],
    env: { HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    logFile: join(dataDir, '..', 'engine.log'),
  });
  engine.start();
  await waitFor(
    async () =>
      (await getJson(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined,
    {
      timeoutMs: 20_000,
      what: 'vector-engine to listen',
    },
  );
  return engine;
}

describe('vector-engine process: SIGKILL during a stream of wait=true upserts', () => {
  it('keeps every acknowledged point with its payload, and no batch half-written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aip-engine-kill-'));
    const dataDir = join(root, 'data');
    const port = await reservePort();
    let engine = await startEngine(port, dataDir);
    const client = new QdrantClient({ url: `http://127.0.0.1:${port}`, checkCompatibility: false });
    await client.createCollection('stream', { vectors: { size: 8, distance: 'Cosine' } });

    const acknowledged: number[][] = [];
    const attempted: number[][] = [];
    let stop = false;
    const writer = async (w: number): Promise<void> => {
      for (let b = 0; !stop; b++) {
        const ids = Array.from({ length: BATCH }, (_, i) => w * 1_000_000 + b * BATCH + i + 1);
        attempted.push(ids);
        try {
          await client.upsert('stream', {
            wait: true,
            points: ids.map((id) => ({
              id,
              vector: Array.from({ length: 8 }, (_, d) => Math.sin(id + d)),
              payload: { id, writer: w },
            })),
          });
          acknowledged.push(ids);
        } catch {
          return;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await engine.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(4);

    engine = await startEngine(port, dataDir);
    try {
      const ackedIds = acknowledged.flat();
      const stored = new Map<number, Record<string, unknown>>();
      for (let i = 0; i < ackedIds.length; i += 1000) {
        for (const record of await client.retrieve('stream', {
          ids: ackedIds.slice(i, i + 1000),
        })) {
          stored.set(Number(record.id), record.payload as Record<string, unknown>);
        }
      }
      expect(stored.size).toBe(ackedIds.length);
      for (const id of ackedIds)
        expect(stored.get(id)).toEqual({ id, writer: Math.floor((id - 1) / 1_000_000) });

      for (const ids of attempted) {
        const present = (await client.retrieve('stream', { ids, with_payload: false })).length;
        expect([0, ids.length]).toContain(present);
      }
      process.stdout.write(
        `acknowledged ${ackedIds.length} points before SIGKILL; all present after restart\n`,
      );
    } finally {
      await engine.stop();
    }
  }, 60_000);
});
