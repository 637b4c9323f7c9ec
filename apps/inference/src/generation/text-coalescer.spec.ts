import { MAX_LOGPROBS_PER_MESSAGE, TextCoalescer } from './text-coalescer';

describe('TextCoalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the first piece at once, then gathers pieces for the interval', () => {
    const sent: string[] = [];
    const coalescer = new TextCoalescer((text) => sent.push(text), 10, 1000);
    coalescer.push('Hel');
    expect(sent).toEqual(['Hel']);
    coalescer.push('lo');
    coalescer.push(' wor');
    expect(sent).toEqual(['Hel']);
    jest.advanceTimersByTime(10);
    expect(sent).toEqual(['Hel', 'lo wor']);
    coalescer.push('ld');
    coalescer.flush();
    expect(sent.join('')).toBe('Hello world');
  });

  it('sends early once enough text has gathered, and never an empty message', () => {
    const sent: string[] = [];
    const coalescer = new TextCoalescer((text) => sent.push(text), 1000, 4);
    coalescer.push('a');
    coalescer.push('');
    coalescer.push('bc');
    coalescer.push('de');
    expect(sent).toEqual(['a', 'bcde']);
    coalescer.flush();
    expect(sent).toEqual(['a', 'bcde']);
  });

  it('drops gathered text on close, so nothing is sent after a failure', () => {
    const sent: string[] = [];
    const coalescer = new TextCoalescer((text) => sent.push(text), 10, 1000);
    coalescer.push('a');
    coalescer.push('b');
    coalescer.close();
    jest.advanceTimersByTime(100);
    expect(sent).toEqual(['a']);
  });
});

describe('TextCoalescer with log probabilities', () => {
  const entry = (token: string) => ({ token, logprob: -1, bytes: [], top_logprobs: [] });

  it("sends the tokens' log probabilities with their text, even tokens without text", () => {
    const sent: [string, number][] = [];
    const coalescer = new TextCoalescer(
      (text, logprobs) => sent.push([text, logprobs?.length ?? 0]),
      1000,
      1000,
    );
    coalescer.push('a', [entry('a')]);
    coalescer.push('', [entry('')]);
    coalescer.push('b', [entry('b')]);
    coalescer.flush();
    expect(sent).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('sends early once MAX_LOGPROBS_PER_MESSAGE tokens have gathered', () => {
    const sent: number[] = [];
    const coalescer = new TextCoalescer(
      (_t, logprobs) => sent.push(logprobs?.length ?? 0),
      1e6,
      1e6,
    );
    coalescer.push('x', [entry('x')]);
    for (let i = 0; i < MAX_LOGPROBS_PER_MESSAGE; i++) coalescer.push('y', [entry('y')]);
    expect(sent).toEqual([1, MAX_LOGPROBS_PER_MESSAGE]);
    coalescer.close();
  });
});
