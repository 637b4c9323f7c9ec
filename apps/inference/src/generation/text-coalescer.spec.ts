import { TextCoalescer } from './text-coalescer';

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
