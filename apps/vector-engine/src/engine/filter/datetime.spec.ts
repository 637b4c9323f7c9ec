import { parseDatetime, parseDatetimeCached } from './datetime';

const micros = (iso: string) => Date.parse(iso) * 1000;

describe('parseDatetime', () => {
  it.each([
    ['2024-03-05T10:20:30Z', '2024-03-05T10:20:30Z'],
    ['2024-03-05t10:20:30z', '2024-03-05T10:20:30Z'],
    ['2024-03-05 10:20:30Z', '2024-03-05T10:20:30Z'],
    ['2024-03-05T10:20:30+02:00', '2024-03-05T08:20:30Z'],
    ['2024-03-05T10:20:30-0130', '2024-03-05T11:50:30Z'],
    ['2024-03-05T10:20:30+05', '2024-03-05T05:20:30Z'],
    ['2024-03-05T10:20:30 +01:00', '2024-03-05T09:20:30Z'],
    ['2024-03-05T10:20:30', '2024-03-05T10:20:30Z'],
    ['2024-03-05 10:20:30', '2024-03-05T10:20:30Z'],
    ['2024-03-05T10:20', '2024-03-05T10:20:00Z'],
    ['2024-03-05 10:20', '2024-03-05T10:20:00Z'],
    ['2024-03-05', '2024-03-05T00:00:00Z'],
    ['1969-12-31T23:59:59Z', '1969-12-31T23:59:59Z'],
    ['2000-02-29', '2000-02-29T00:00:00Z'],
  ])('reads %s as the instant %s', (text, instant) => {
    expect(parseDatetime(text)).toBe(micros(instant));
  });

  it('keeps microseconds and drops finer digits', () => {
    const base = micros('2024-03-05T10:20:30Z');
    expect(parseDatetime('2024-03-05T10:20:30.5Z')).toBe(base + 500_000);
    expect(parseDatetime('2024-03-05T10:20:30.123456Z')).toBe(base + 123_456);
    expect(parseDatetime('2024-03-05T10:20:30.123456789Z')).toBe(base + 123_456);
    expect(parseDatetime('2024-03-05T10:20:30.000001')).toBe(base + 1);
  });

  it('handles years before 100 and far from the epoch', () => {
    expect(parseDatetime('0050-01-01')).toBe(micros('0050-01-01T00:00:00Z'));
    expect(parseDatetime('1600-02-29T12:00:00Z')).toBe(micros('1600-02-29T12:00:00Z'));
    expect(parseDatetime('2200-12-31T23:59:59Z')).toBe(micros('2200-12-31T23:59:59Z'));
  });

  it.each([
    '',
    '2024-3-5',
    '2024-13-01',
    '2023-02-29',
    '2024-04-31',
    '2024-03-05T24:00:00Z',
    '2024-03-05T10:60',
    '2024-03-05T10:20:61Z',
    '2024-03-05T10Z',
    '2024-03-05T10:20Z',
    '2024-03-05T10:20:30+25:00',
    '2024-03-05T10:20:30.Z',
    'yesterday',
    ' 2024-03-05',
  ])('rejects %j', (text) => {
    expect(parseDatetime(text)).toBeUndefined();
  });

  it('caches results, including failures', () => {
    expect(parseDatetimeCached('2024-03-05')).toBe(micros('2024-03-05T00:00:00Z'));
    expect(parseDatetimeCached('2024-03-05')).toBe(micros('2024-03-05T00:00:00Z'));
    expect(parseDatetimeCached('nope')).toBeUndefined();
    expect(parseDatetimeCached('nope')).toBeUndefined();
  });
});
