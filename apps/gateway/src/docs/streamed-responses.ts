import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** Server-sent events: one JSON event per `data:` line (OpenAI's end marker `[DONE]` aside). */
export const EVENT_STREAM = 'text/event-stream';
/** Ollama's streams: one JSON object a line. */
export const NDJSON_STREAM = 'application/x-ndjson';
export type StreamMedia = typeof EVENT_STREAM | typeof NDJSON_STREAM;

export const schemaRef = (type: Type<unknown>) => ({ $ref: getSchemaPath(type) });

/** The schema of one streamed event: any of `events`. */
export function oneEventOf(events: Type<unknown>[]): Record<string, unknown> {
  return events.length === 1 ? schemaRef(events[0]) : { oneOf: events.map(schemaRef) };
}

export interface JsonOrStreamResponse {
  description: string;
  /** The whole reply, when the request does not stream. */
  json: Type<unknown>;
  stream: StreamMedia;
  /** What one event of the stream may be, its failure event included. */
  events: Type<unknown>[];
}

/** A 200 that is one JSON object, or (as the request's `stream` asks) a stream of events. */
export function ApiJsonOrStreamResponse(options: JsonOrStreamResponse): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(options.json, ...options.events),
    ApiResponse({
      status: 200,
      description: options.description,
      content: {
        'application/json': { schema: schemaRef(options.json) },
        [options.stream]: { schema: oneEventOf(options.events) },
      },
    }),
  );
}
