import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { toPlatformError } from '@aip/platform';

export interface SseFormat<T> {
  /** The `data:` payloads one message becomes (none to skip it). */
  events(chunk: T): unknown[];
  /** Payloads after the last message (OpenAI's `[DONE]`). */
  end?: unknown[];
}

const event = (payload: unknown): string =>
  `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;

/**
 * Messages as a server-sent event stream. Resolves at the first message, so a failure before
 * any (a full queue, no model) is still a normal error reply with its status; a later failure
 * ends the stream with an `error` event. A client that disconnects destroys the body, which
 * unsubscribes and so cancels the work upstream.
 */
export function sseStream<T>(source: Observable<T>, format: SseFormat<T>): Promise<StreamableFile> {
  return new Promise((resolve, reject) => {
    let started = false;
    const body = new Readable({ read: () => undefined });
    const start = () => {
      if (started) return;
      started = true;
      resolve(new StreamableFile(body, { type: 'text/event-stream; charset=utf-8' }));
    };
    const subscription = source.subscribe({
      next: (chunk) => {
        start();
        for (const payload of format.events(chunk)) body.push(event(payload));
      },
      error: (error: unknown) => {
        if (!started) return reject(error);
        body.push(event({ error: toPlatformError(error).toPayload() }));
        body.push(null);
      },
      complete: () => {
        start();
        for (const payload of format.end ?? []) body.push(event(payload));
        body.push(null);
      },
    });
    body.once('close', () => subscription.unsubscribe());
  });
}
