/**
 * Readers for one model's options in EMBEDDING_MODELS. A mistake stops the service at boot
 * with a message naming the model and the field, e.g. `EMBEDDING_MODELS.code.threads must be
 * an integer from 1 to 512`.
 */
export class ProviderOptions {
  constructor(
    private readonly model: string,
    private readonly options: Record<string, unknown>,
    known: readonly string[],
  ) {
    const unknown = Object.keys(options).filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      throw new Error(
        `EMBEDDING_MODELS.${model} has unknown option(s) ${unknown.join(', ')}; known: provider, ${known.join(', ')}`,
      );
    }
  }

  private fail(field: string, rule: string): never {
    throw new Error(`EMBEDDING_MODELS.${this.model}.${field} must be ${rule}`);
  }

  string(field: string): string | undefined {
    const value = this.options[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'a non-empty string');
    return value;
  }

  requiredString(field: string): string {
    return this.string(field) ?? this.fail(field, 'given (a non-empty string)');
  }

  int(field: string, min: number, max: number): number | undefined {
    const value = this.options[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `an integer from ${min} to ${max}`);
    }
    return value;
  }

  boolean(field: string): boolean | undefined {
    const value = this.options[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.fail(field, 'true or false');
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const value = this.options[field];
    if (value === undefined) return undefined;
    if (!values.includes(value as T)) this.fail(field, `one of: ${values.join(', ')}`);
    return value as T;
  }

  /** An http(s) URL, without a trailing slash. */
  url(field: string): string {
    const value = this.requiredString(field);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(field, 'an http:// or https:// URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      this.fail(field, 'an http:// or https:// URL');
    }
    return value.replace(/\/+$/, '');
  }
}
