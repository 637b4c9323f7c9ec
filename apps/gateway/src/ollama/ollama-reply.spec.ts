import { concat, of, Subject as RxSubject, throwError } from 'rxjs';
import {
  ErrorCode,
  PlatformError,
  type GenerationChunk,
  type GenerationDoneChunk,
} from '@aip/contracts';
import { streamedReply } from '../generation/streamed-reply';
import {
  GenerationClock,
  NDJSON,
  OllamaReply,
  ollamaStreamFormat,
  wholeReply,
} from './ollama-reply';

const done: GenerationDoneChunk = {
  type: 'done',
  model: 'tiny',
  finish_reason: 'length',
  usage: { prompt_tokens: 6, completion_tokens: 2, total_tokens: 8 },
};
const chunks: GenerationChunk[] = [
  { type: 'text', text: 'Hel' },
  { type: 'text', text: 'lo' },
  done,
];

/** A clock reading the given nanosecond times, one per reading. */
const clockAt = (...times: number[]) => {
  const readings = times.map(BigInt);
  return new GenerationClock(() => readings.shift()!);
};

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function bodyOf(file: Awaited<ReturnType<typeof streamedReply>>): Promise<string> {
  let text = '';
  for await (const piece of file.getStream()) text += String(piece);
  return text;
}

describe('Ollama reply objects', () => {
  it('times a generation in nanoseconds: prompt evaluation until the first text, then the rest', () => {
    const clock = clockAt(1_000, 4_000, 10_000);
    clock.sawText();
    expect(clock.stats(done)).toEqual({
      total_duration: 9_000,
      load_duration: 0,
      prompt_eval_count: 6,
      prompt_eval_duration: 3_000,
      eval_count: 2,
      eval_duration: 6_000,
    });
  });

  it('counts all of a generation that gave no text as prompt evaluation', () => {
    const stats = clockAt(0, 500).stats({ ...done, finish_reason: 'stop' });
    expect(stats).toMatchObject({
      total_duration: 500,
      prompt_eval_duration: 500,
      eval_duration: 0,
    });
  });

  it('streams chat text in assistant messages and generate text in response, done false', () => {
    const chat = new OllamaReply('chat', 'tiny:latest').delta('Hi');
    expect(chat).toEqual({
      model: 'tiny:latest',
      created_at: expect.stringMatching(ISO_DATE),
      message: { role: 'assistant', content: 'Hi' },
      done: false,
    });
    const generate = new OllamaReply('generate', 'tiny').delta('Hi');
    expect(generate).toEqual({
      model: 'tiny',
      created_at: expect.stringMatching(ISO_DATE),
      response: 'Hi',
      done: false,
    });
  });

  it('ends with done true, the reason and every count and duration Ollama reports', () => {
    const final = new OllamaReply('generate', 'tiny', clockAt(0, 10)).final(done);
    expect(final).toEqual({
      model: 'tiny',
      created_at: expect.stringMatching(ISO_DATE),
      response: '',
      done: true,
      done_reason: 'length',
      total_duration: 10,
      load_duration: 0,
      prompt_eval_count: 6,
      prompt_eval_duration: 10,
      eval_count: 2,
      eval_duration: 0,
    });
  });

  it('answers a request with nothing to generate as Ollama does: done, reason load', () => {
    expect(new OllamaReply('chat', 'tiny').loaded()).toEqual({
      model: 'tiny',
      created_at: expect.stringMatching(ISO_DATE),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'load',
    });
  });
});

describe('Ollama NDJSON streams', () => {
  it('writes one JSON object a line: each text piece, then the final object', async () => {
    const reply = new OllamaReply('chat', 'tiny');
    const file = await streamedReply(of(...chunks), ollamaStreamFormat(reply), NDJSON);
    expect(file.getHeaders().type).toBe('application/x-ndjson');
    const body = await bodyOf(file);
    expect(body.endsWith('\n')).toBe(true);
    const lines = body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => (l['message'] as { content: string }).content)).toEqual([
      'Hel',
      'lo',
      '',
    ]);
    expect(lines.map((l) => l['done'])).toEqual([false, false, true]);
    expect(lines[2]).toMatchObject({ done_reason: 'length', eval_count: 2, prompt_eval_count: 6 });
  });

  it('fails before the first object as a normal error reply, and after it with an error line', async () => {
    const full = new PlatformError(ErrorCode.RateLimited, 'queue full');
    const reply = new OllamaReply('generate', 'tiny');
    await expect(
      streamedReply(
        throwError(() => full),
        ollamaStreamFormat(reply),
        NDJSON,
      ),
    ).rejects.toBe(full);

    const broken = concat(
      of<GenerationChunk>({ type: 'text', text: 'Hi' }),
      throwError(() => new PlatformError(ErrorCode.Timeout, 'Generation took too long')),
    );
    const body = await bodyOf(await streamedReply(broken, ollamaStreamFormat(reply), NDJSON));
    const lines = body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines[1]).toEqual({ error: 'Generation took too long' });
  });

  it('stops reading the generation when the client goes away', async () => {
    const source = new RxSubject<GenerationChunk>();
    const file = await new Promise<Awaited<ReturnType<typeof streamedReply>>>((resolve) => {
      void streamedReply(source, ollamaStreamFormat(new OllamaReply('chat', 'm')), NDJSON).then(
        resolve,
      );
      source.next({ type: 'text', text: 'a' });
    });
    expect(source.observed).toBe(true);
    file.getStream().destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.observed).toBe(false);
  });
});

describe('Ollama replies with stream: false', () => {
  it('carries all of the text in one object with the final counts', async () => {
    const whole = await wholeReply(of(...chunks), new OllamaReply('chat', 'tiny'));
    expect(whole).toMatchObject({
      model: 'tiny',
      message: { role: 'assistant', content: 'Hello' },
      done: true,
      done_reason: 'length',
      eval_count: 2,
    });
  });
});
