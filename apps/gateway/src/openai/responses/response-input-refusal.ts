import { ErrorCode, PlatformError } from '@aip/contracts';
import { openAiParamOf } from '../openai-errors';

/** Where in a request a value is: field names and list indexes, outermost first. */
export type FieldPath = readonly (string | number)[];

/**
 * A 400 about the value at `path`, its message opening with the field as OpenAI's `param` spells
 * it (`input[2].call_id`), which the error's `param` then names too.
 */
export function refusal(
  path: FieldPath,
  problem: string,
  details: Record<string, unknown> = {},
): PlatformError {
  const field = path.join('.');
  return new PlatformError(ErrorCode.ValidationFailed, `${openAiParamOf(field)} ${problem}`, {
    ...details,
    field,
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses a field the item's kind does not have: a list item is checked by hand, not by the
 * validation pipe, so its unknown fields are refused here as the pipe refuses a body's.
 */
export function refuseUnknownFields(
  value: Record<string, unknown>,
  path: FieldPath,
  known: readonly string[],
  kind: string,
): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw refusal([...path, unknown], `is not a field of ${kind} (${known.join(', ')})`);
  }
}

/** A string of at most `max` characters (at least `min`), or the 400 naming it. */
export function stringAt(
  value: Record<string, unknown>,
  path: FieldPath,
  key: string,
  max: number,
  min = 0,
): string {
  const text = value[key];
  if (typeof text !== 'string') throw refusal([...path, key], 'must be a string');
  if (text.length < min || text.length > max) {
    throw refusal(
      [...path, key],
      min > 0 ? `must be ${min}-${max} characters` : `must be at most ${max} characters`,
    );
  }
  return text;
}
