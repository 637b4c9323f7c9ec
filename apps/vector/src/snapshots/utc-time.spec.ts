import { utcTimeOf } from './utc-time';

describe('utcTimeOf', () => {
  it("marks Qdrant's zone-less snapshot time as UTC", () => {
    expect(utcTimeOf('2026-12-04T10:49:10.123')).toBe('2026-12-04T10:49:10.123Z');
  });

  it('keeps a time that already names its zone, and null for none', () => {
    expect(utcTimeOf('2026-12-04T10:49:10Z')).toBe('2026-12-04T10:49:10Z');
    expect(utcTimeOf('2026-12-04T10:49:10+01:00')).toBe('2026-12-04T10:49:10+01:00');
    expect(utcTimeOf(undefined)).toBeNull();
    expect(utcTimeOf(null)).toBeNull();
  });
});
