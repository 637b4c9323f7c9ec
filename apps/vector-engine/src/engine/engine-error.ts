/**
 * An error with the HTTP status Qdrant answers for it. Messages follow Qdrant's wording
 * ("Not found: ...", "Wrong input: ...") because clients and users match on them.
 */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  static notFound(what: string): EngineError {
    return new EngineError(404, `Not found: ${what}`);
  }

  static badInput(detail: string): EngineError {
    return new EngineError(400, `Wrong input: ${detail}`);
  }

  static collectionNotFound(name: string): EngineError {
    return EngineError.notFound(`Collection \`${name}\` doesn't exist!`);
  }
}
