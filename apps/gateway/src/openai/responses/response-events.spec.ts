import { Readable } from 'node:stream';
import OpenAI from 'openai';
import { concat, from, throwError, type Observable } from 'rxjs';
import { ErrorCode, PlatformError, type GenerationChunk } from '@aip/contracts';
import { namedSseStream } from '../../generation/sse-stream';
import { responseEventFormat } from './response-events';
import { responseSettingsOf } from './response-object';
import type { ResponsesRequestDto } from './responses.dto';

const usage = { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 };
const settings = () =>
  responseSettingsOf({ model: 'tiny', input: 'hi' } as ResponsesRequestDto, []);
type Event = Record<string, unknown> & { type: string; sequence_number: number };

const eventsOf = (chunks: GenerationChunk[]): Event[] => {
  const format = responseEventFormat(settings());
  return chunks.flatMap((chunk) => format.events(chunk)) as Event[];
};

/** The openai SDK's client, answered with the event stream the gateway makes of `chunks`. */
async function clientStreaming(chunks: Observable<GenerationChunk>) {
  const file = await namedSseStream(chunks, responseEventFormat(settings()));
  const body = Readable.toWeb(file.getStream()) as ReadableStream;
  return new OpenAI({
    apiKey: 'key',
    baseURL: 'http://gateway.test/v1',
    fetch: () =>
      Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } })),
  });
}

const text = (t: string): GenerationChunk => ({ type: 'text', text: t });

describe('the Responses event stream of a chat generation', () => {
  it('opens the response, streams the text part of one message, then completes it', () => {
    const events = eventsOf([
      text('Hel'),
      text('lo'),
      { type: 'done', model: 'tiny', finish_reason: 'stop', usage },
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const [created, , added, , delta, , done, , itemDone, completed] = events;
    expect(created!['response']).toMatchObject({ status: 'in_progress', output: [], usage: null });
    expect(added!['item']).toMatchObject({ type: 'message', status: 'in_progress', content: [] });
    const itemId = (added!['item'] as { id: string }).id;
    expect(delta).toMatchObject({
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      delta: 'Hel',
    });
    expect(done).toMatchObject({ item_id: itemId, text: 'Hello' });
    expect(itemDone!['item']).toMatchObject({ status: 'completed', content: [{ text: 'Hello' }] });
    expect(completed!['response']).toMatchObject({
      status: 'completed',
      output: [{ id: itemId, content: [{ text: 'Hello' }] }],
      usage: { input_tokens: 4, output_tokens: 3, total_tokens: 7 },
    });
  });

  it('streams each call as a function_call item filled by argument deltas', () => {
    const events = eventsOf([
      { type: 'tool_call', index: 0, id: 'call_1', name: 'f', arguments: '' },
      { type: 'tool_call', index: 0, arguments: '{"a":' },
      { type: 'tool_call', index: 0, arguments: '1}' },
      { type: 'tool_call', index: 1, id: 'call_2', name: 'g', arguments: '{}' },
      { type: 'done', model: 'tiny', finish_reason: 'tool_calls', usage },
    ]);
    expect(events.slice(2).map((e) => [e.type, e['output_index']])).toEqual([
      ['response.output_item.added', 0],
      ['response.function_call_arguments.delta', 0],
      ['response.function_call_arguments.delta', 0],
      ['response.function_call_arguments.done', 0],
      ['response.output_item.done', 0],
      ['response.output_item.added', 1],
      ['response.function_call_arguments.delta', 1],
      ['response.function_call_arguments.done', 1],
      ['response.output_item.done', 1],
      ['response.completed', undefined],
    ]);
    expect(events[2]!['item']).toMatchObject({
      type: 'function_call',
      call_id: 'call_1',
      name: 'f',
      arguments: '',
      status: 'in_progress',
    });
    expect(events[5]).toMatchObject({ name: 'f', arguments: '{"a":1}' });
    expect((events.at(-1)!['response'] as { output: unknown[] }).output).toEqual([
      expect.objectContaining({ call_id: 'call_1', arguments: '{"a":1}', status: 'completed' }),
      expect.objectContaining({ call_id: 'call_2', arguments: '{}', status: 'completed' }),
    ]);
  });

  it('ends in response.incomplete when the token limit cut the text off', () => {
    const events = eventsOf([
      text('Hel'),
      { type: 'done', model: 'tiny', finish_reason: 'length', usage },
    ]);
    expect(events.at(-2)!['item']).toMatchObject({ status: 'incomplete' });
    expect(events.at(-1)).toMatchObject({
      type: 'response.incomplete',
      response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
    });
  });

  it('sends an empty message for a reply with no text', () => {
    const events = eventsOf([{ type: 'done', model: 'tiny', finish_reason: 'stop', usage }]);
    expect(events.at(-1)!['response']).toMatchObject({
      output: [{ type: 'message', content: [{ text: '' }] }],
    });
  });

  it("names each event on an event: line, and the SDK's stream assembles the same response", async () => {
    const chunks = from<GenerationChunk[]>([
      text('Hel'),
      text('lo'),
      { type: 'done', model: 'tiny', finish_reason: 'stop', usage },
    ]);
    const file = await namedSseStream(chunks, responseEventFormat(settings()));
    const wire = await new Response(Readable.toWeb(file.getStream()) as ReadableStream).text();
    expect(wire).toMatch(/^event: response\.created\ndata: \{"type":"response\.created"/);

    const stream = (await clientStreaming(chunks)).responses.stream({ model: 'tiny', input: 'hi' });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const response = await stream.finalResponse();
    expect(deltas).toEqual(['Hel', 'lo']);
    expect(response.output_text).toBe('Hello');
    expect(response.status).toBe('completed');
  });

  it('fails with response.failed and an error event, which the SDK raises as an APIError', async () => {
    const failing = concat(
      from<GenerationChunk[]>([text('Hel')]),
      throwError(() => new PlatformError(ErrorCode.Timeout, 'Generation took longer than 30 s')),
    );
    const format = responseEventFormat(settings());
    format.events(text('Hel'));
    const [failed, error] = format.failure(
      new PlatformError(ErrorCode.Timeout, 'Generation took longer than 30 s'),
    ) as Event[];
    expect(failed).toMatchObject({
      type: 'response.failed',
      sequence_number: 5,
      response: {
        status: 'failed',
        error: { code: 'server_error', message: 'Generation took longer than 30 s' },
        output: [{ type: 'message', content: [{ text: 'Hel' }] }],
      },
    });
    expect(error).toMatchObject({ type: 'error', sequence_number: 6, code: 'timeout' });

    const client = await clientStreaming(failing);
    const seen: string[] = [];
    const failure = await (async () => {
      try {
        const events = await client.responses.create({ model: 'tiny', input: 'hi', stream: true });
        for await (const event of events) seen.push(event.type);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(seen.at(-1)).toBe('response.failed');
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure).toMatchObject({ type: 'server_error', code: 'timeout' });
  });
});
