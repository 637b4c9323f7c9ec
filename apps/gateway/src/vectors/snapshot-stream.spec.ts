import { Subject as Stream } from 'rxjs';
import { ErrorCode, PlatformError, type SnapshotChunk } from '@aip/contracts';
import { snapshotBytes } from './snapshot-stream';

const chunk = (offset: number, text: string, size = 11): SnapshotChunk => ({
  offset,
  size,
  data: Buffer.from(text).toString('base64'),
});

async function readAll(body: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part as Buffer);
  return Buffer.concat(parts).toString();
}

describe('snapshotBytes', () => {
  it('starts the body at the first chunk and passes later chunks on as they come', async () => {
    const chunks = new Stream<SnapshotChunk>();
    const opened = snapshotBytes(chunks);
    chunks.next(chunk(0, 'hello '));
    const { size, body } = await opened;
    expect(size).toBe(11);
    expect(body.read()?.toString()).toBe('hello ');
    chunks.next(chunk(6, 'world'));
    chunks.complete();
    await expect(readAll(body)).resolves.toBe('world');
  });

  it('rejects with the error when the download fails before any byte', async () => {
    const chunks = new Stream<SnapshotChunk>();
    const opened = snapshotBytes(chunks);
    chunks.error(new PlatformError(ErrorCode.NotFound, 'No snapshot x.snapshot'));
    await expect(opened).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('ends the body with the error when the download fails midway', async () => {
    const chunks = new Stream<SnapshotChunk>();
    const opened = snapshotBytes(chunks);
    chunks.next(chunk(0, 'part'));
    const { body } = await opened;
    chunks.error(new Error('bus down'));
    await expect(readAll(body)).rejects.toThrow('bus down');
  });

  it('stops listening when the reader goes away', async () => {
    const chunks = new Stream<SnapshotChunk>();
    const opened = snapshotBytes(chunks);
    chunks.next(chunk(0, 'part'));
    const { body } = await opened;
    body.destroy();
    await new Promise((resolve) => body.once('close', resolve));
    expect(chunks.observed).toBe(false);
  });
});
