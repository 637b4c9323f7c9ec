import { Readable } from 'node:stream';
import OpenAI from 'openai';
import { Stream } from 'openai/streaming';
import { concat, of, throwError } from 'rxjs';
import { ErrorCode, PlatformError, type GenerationChunk } from '@aip/contracts';
import { sseStream } from '../generation/sse-stream';
import { chatChunkFormat } from './openai-chunk-format';
import { openAiStreamFailure } from './openai-errors';
import { openAiIdentity } from './openai-format';

/** A chat stream that sends some text, then fails the way an overrun generation does. */
const failingChat = concat(
  of<GenerationChunk>({ type: 'text', text: 'Hel' }),
  throwError(() => new PlatformError(ErrorCode.Timeout, 'Generation took longer than 30 s')),
);

describe('a /v1 stream that fails after it started', () => {
  it("ends with an error event the openai SDK raises as an APIError with OpenAI's type and code", async () => {
    const file = await sseStream(
      failingChat,
      chatChunkFormat(openAiIdentity('chatcmpl', 'tiny'), false),
      openAiStreamFailure,
    );
    const response = new Response(Readable.toWeb(file.getStream()) as ReadableStream, {
      headers: { 'content-type': 'text/event-stream' },
    });
    const stream = Stream.fromSSEResponse<OpenAI.ChatCompletionChunk>(
      response,
      new AbortController(),
    );
    const texts: string[] = [];
    const failure = await (async () => {
      try {
        for await (const chunk of stream) texts.push(chunk.choices[0]?.delta.content ?? '');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(texts.join('')).toBe('Hel');
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure).toMatchObject({
      type: 'server_error',
      code: 'timeout',
      message: expect.stringContaining('Generation took longer than 30 s'),
    });
  });
});
