import type { StreamableFile } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { streamedReply, type StreamFormat, type StreamFraming } from './streamed-reply';

export type SseFormat<T> = StreamFormat<T>;

const SSE: StreamFraming = {
  contentType: 'text/event-stream; charset=utf-8',
  frame: (payload) =>
    `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`,
  failure: (error) => ({ error: error.toPayload() }),
};

/** Messages as a server-sent event stream (see `streamedReply` for errors and disconnects). */
export function sseStream<T>(source: Observable<T>, format: SseFormat<T>): Promise<StreamableFile> {
  return streamedReply(source, format, SSE);
}
