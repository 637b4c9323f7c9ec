import { ValidateBy } from 'class-validator';

/**
 * A field accepted only with the value that asks for nothing this gateway lacks (`background:
 * false`, `truncation: "disabled"`); null or absent too. Any other value would change what the
 * response means, so it is refused, naming the field and why, rather than ignored.
 */
export function OnlyAs(field: string, neutral: readonly unknown[], why: string): PropertyDecorator {
  return ValidateBy({
    name: 'onlyAs',
    validator: {
      validate: (value: unknown) => value == null || neutral.includes(value),
      defaultMessage: () => `${field} ${why}`,
    },
  });
}

/** A field refused with any value but null: see OnlyAs. */
export const NotOffered = (field: string, why: string) => OnlyAs(field, [], why);

/** `reasoning` asks for nothing when each of its settings is null (or effort "none"). */
export function isNoReasoning(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, setting]) => setting == null || (key === 'effort' && setting === 'none'),
  );
}

/** OpenAI's limits on `metadata`: 16 pairs, keys up to 64 characters, values strings up to 512. */
export const MAX_METADATA_PAIRS = 16;
export const MAX_METADATA_KEY_CHARS = 64;
export const MAX_METADATA_VALUE_CHARS = 512;

export function isMetadata(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const pairs = Object.entries(value);
  return (
    pairs.length <= MAX_METADATA_PAIRS &&
    pairs.every(
      ([key, text]) =>
        key.length <= MAX_METADATA_KEY_CHARS &&
        typeof text === 'string' &&
        text.length <= MAX_METADATA_VALUE_CHARS,
    )
  );
}
