import { createWriteStream, openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Injectable } from '@nestjs/common';
import { VectorConfig } from '../config/vector.config';
import { fromQdrant } from '../qdrant/qdrant-errors';

/** Longest a snapshot file may take to move between Qdrant and this service. */
export const SNAPSHOT_TRANSFER_TIMEOUT_MS = 10 * 60_000;

/**
 * Snapshot files over Qdrant's REST API. The official client has no download or upload of
 * snapshot files, so these two calls use fetch with the same URL and API key.
 */
@Injectable()
export class SnapshotTransfer {
  constructor(private readonly config: VectorConfig) {}

  private url(collection: string, path: string): string {
    return `${this.config.QDRANT_URL.replace(/\/+$/, '')}/collections/${encodeURIComponent(collection)}/snapshots/${path}`;
  }

  private headers(): Record<string, string> {
    return this.config.QDRANT_API_KEY ? { 'api-key': this.config.QDRANT_API_KEY } : {};
  }

  private async send(what: string, url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: this.headers(),
        signal: AbortSignal.timeout(SNAPSHOT_TRANSFER_TIMEOUT_MS),
      });
    } catch (error) {
      throw fromQdrant(error, what);
    }
    if (!response.ok) {
      const data: unknown = await response.json().catch(() => undefined);
      throw fromQdrant({ status: response.status, data, message: response.statusText }, what);
    }
    return response;
  }

  /** The snapshot file's bytes, as they arrive. */
  async open(collection: string, snapshot: string): Promise<Readable> {
    const response = await this.send(
      `download snapshot ${snapshot}`,
      this.url(collection, encodeURIComponent(snapshot)),
      { method: 'GET' },
    );
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  /** Writes the snapshot file to `file`. */
  async save(collection: string, snapshot: string, file: string): Promise<void> {
    await pipeline(await this.open(collection, snapshot), createWriteStream(file));
  }

  /**
   * Replaces the collection with a snapshot file, through Qdrant's upload endpoint: it works
   * wherever Qdrant runs, with no path or URL that Qdrant itself must reach.
   */
  async upload(collection: string, file: string, name: string, checksum?: string): Promise<void> {
    const form = new FormData();
    form.append('snapshot', await openAsBlob(file), name);
    const query = new URLSearchParams({ wait: 'true', priority: 'snapshot' });
    if (checksum) query.set('checksum', checksum);
    await this.send(`restore snapshot ${name}`, this.url(collection, `upload?${query}`), {
      method: 'POST',
      body: form,
    });
  }
}
