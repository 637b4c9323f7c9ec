/**
 * A filter the engine cannot evaluate. `path` locates the offending part of the request
 * (`filter.must[1].range`), `reason` says what is wrong; the message joins both.
 */
export class FilterError extends Error {
  override readonly name = 'FilterError';

  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
