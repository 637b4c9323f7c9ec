/**
 * A payload index request the engine rejects. `path` locates the offending part of the request
 * (`field_schema.tokenizer`), `reason` says what is wrong; the message joins both.
 */
export class PayloadIndexError extends Error {
  override readonly name = 'PayloadIndexError';

  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
