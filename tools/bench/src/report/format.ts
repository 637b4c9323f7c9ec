/** Number formats shared by every table, so figures line up and read the same everywhere. */

export const int = (value: number): string =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';

export const fixed = (value: number | undefined, digits: number): string =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

export const ms = (value: number | undefined): string =>
  value === undefined ? 'n/a' : fixed(value, value < 10 ? 2 : 1);

export const seconds = (milliseconds: number | undefined): string =>
  milliseconds === undefined ? 'n/a' : fixed(milliseconds / 1000, milliseconds < 10_000 ? 2 : 1);

export const recall = (value: number): string => fixed(value, 3);

export const percent = (part: number, whole: number): string =>
  whole > 0 && Number.isFinite(part) ? `${Math.round((part / whole) * 100)}%` : 'n/a';

export const ratio = (value: number, base: number): string =>
  base > 0 && Number.isFinite(value) ? `${(value / base).toFixed(2)}x` : 'n/a';

export const mib = (value: number | undefined): string =>
  value === undefined ? 'n/a' : `${int(value)} MiB`;

/** Rounds every number in a JSON-bound value, so the machine line stays short. */
export function rounded<T>(value: T, digits = 4): T {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'number' && !Number.isInteger(item) ? Number(item.toFixed(digits)) : item,
    ),
  ) as T;
}
