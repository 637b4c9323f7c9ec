import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { type PlatformError } from '@aip/contracts';
import { toPlatformError } from '@aip/platform';

/** What a stream of messages becomes on the wire, message by message. */
export interface StreamFormat<T> {
  /** The payloads one message becomes (none to skip it). */
  events(chunk: T): unknown[];
  /** Payloads after the last message (OpenAI's `[DONE]`). */
  end?: unknown[];
  /**
   * The last payloads of a stream that fails after it started, where they depend on what the
   * format already sent (OpenAI's Responses events carry the response so far); else the
   * framing's failure payload.
   */
  failure?(error: PlatformError): unknown[];
}

/** How one protocol writes its payloads: server-sent events, NDJSON. */
export interface StreamFraming {
  contentType: string;
  frame(payload: unknown): string;
  /** The last payload of a stream that fails after it started, in the protocol's error shape. */
  failure(error: PlatformError): unknown;
}

/**
 * Messages as a streamed HTTP body. Resolves at the first message, so a failure before any (a
 * full queue, no model) is still a normal error reply with its status; a later failure ends the
 * stream with the framing's failure payload. A client that disconnects destroys the body, which
 * unsubscribes and so cancels the work upstream.
 */
export function streamedReply<T>(
  source: Observable<T>,
  format: StreamFormat<T>,
  framing: StreamFraming,
): Promise<StreamableFile> {
  return new Promise((resolve, reject) => {
    let started = false;
    const body = new Readable({ read: () => undefined });
    const start = () => {
      if (started) return;
      started = true;
      resolve(new StreamableFile(body, { type: framing.contentType }));
    };
    const subscription = source.subscribe({
      next: (chunk) => {
        start();
        for (const payload of format.events(chunk)) body.push(framing.frame(payload));
      },
      error: (error: unknown) => {
        if (!started) return reject(error);
        const failure = toPlatformError(error);
        for (const payload of format.failure?.(failure) ?? [framing.failure(failure)])
          body.push(framing.frame(payload));
        body.push(null);
      },
      complete: () => {
        start();
        for (const payload of format.end ?? []) body.push(framing.frame(payload));
        body.push(null);
      },
    });
    body.once('close', () => subscription.unsubscribe());
  });
}
