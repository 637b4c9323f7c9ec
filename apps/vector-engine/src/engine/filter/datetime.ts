// Datetimes as Qdrant reads them (filters, payload values, order_by): RFC 3339 with `T`, `t` or a
// space between date and time, an offset as `Z`, `±HH:MM`, `±HHMM` or `±HH`; and without a
// timezone (UTC): `YYYY-MM-DD HH:MM:SS[.f]`, `YYYY-MM-DD HH:MM` and `YYYY-MM-DD`.
// Instants are microseconds since the epoch, Qdrant's own datetime resolution.

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?(?: ?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?))?)?)?$/;

const MICROS_PER_DAY = 86_400_000_000;

/** Microseconds since 1970-01-01T00:00:00Z, or undefined when `text` is not a datetime. */
export function parseDatetime(text: string): number | undefined {
  const parts = DATETIME.exec(text);
  if (!parts) return undefined;
  const [, y, mo, d, h, mi, s, fraction, , sign, offsetHours, offsetMinutes] = parts;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (sign !== undefined) {
    const oh = Number(offsetHours);
    const om = offsetMinutes === undefined ? 0 : Number(offsetMinutes);
    if (oh > 23 || om > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000_000;
  }
  // Digits past the sixth are below Qdrant's resolution and dropped.
  const micros = fraction === undefined ? 0 : Number(fraction.slice(0, 6).padEnd(6, '0'));
  return (
    daysFromCivil(year, month, day) * MICROS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1_000_000 +
    micros -
    offset
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm); Date.UTC
// would map years 0-99 to 1900-1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// Payload datetimes are parsed on every check; a bounded cache keeps repeated values (the common
// case across a query's candidates) from paying the regex each time.
const CACHE_LIMIT = 10_000;
const cache = new Map<string, number | undefined>();

export function parseDatetimeCached(text: string): number | undefined {
  if (cache.has(text)) return cache.get(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const parsed = parseDatetime(text);
  cache.set(text, parsed);
  return parsed;
}
