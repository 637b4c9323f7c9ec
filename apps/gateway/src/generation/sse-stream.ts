import type { StreamableFile } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { PlatformError } from '@aip/contracts';
import { streamedReply, type StreamFormat } from './streamed-reply';

export type SseFormat<T> = StreamFormat<T>;

/** The last event of a stream that fails after it started: by default the platform's shape. */
export type SseFailure = (error: PlatformError) => unknown;

const platformFailure: SseFailure = (error) => ({ error: error.toPayload() });

/** Messages as a server-sent event stream (see `streamedReply` for errors and disconnects). */
export function sseStream<T>(
  source: Observable<T>,
  format: SseFormat<T>,
  failure: SseFailure = platformFailure,
): Promise<StreamableFile> {
  return streamedReply(source, format, {
    contentType: 'text/event-stream; charset=utf-8',
    frame: (payload) =>
      `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`,
    failure,
  });
}

/**
 * Server-sent events that carry their name: each payload's `type` on an `event:` line before its
 * `data:` line, as OpenAI's Responses API streams them. A failure after the stream started ends
 * it with the format's own failure events.
 */
export function namedSseStream<T>(
  source: Observable<T>,
  format: SseFormat<T> & Required<Pick<SseFormat<T>, 'failure'>>,
): Promise<StreamableFile> {
  return streamedReply(source, format, {
    contentType: 'text/event-stream; charset=utf-8',
    frame: (payload) =>
      `event: ${String((payload as { type: unknown }).type)}\ndata: ${JSON.stringify(payload)}\n\n`,
    failure: platformFailure,
  });
}
