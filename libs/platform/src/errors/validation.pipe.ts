import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { findConvertedPrimitives } from './converted-primitives';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problem: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

function validationFailed(problems: { field: string; problem: string }[]): PlatformError {
  return new PlatformError(
    ErrorCode.ValidationFailed,
    problems.map((p) => p.problem).join('; ') || 'Invalid request',
    { problems },
  );
}

/**
 * The transform builds the contract classes, which nested validation needs, but a JSON body or a
 * NATS payload already carries its types: there a `true` or a `"12"` where a number goes is the
 * caller's mistake, and is refused instead of becoming 1 or 12. Only query strings and route
 * params, where every value arrives as text, keep their conversions.
 */
class StrictTypesValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const transformed: unknown = await super.transform(value, metadata);
    if (metadata.type === 'query' || metadata.type === 'param') return transformed;
    const converted = findConvertedPrimitives(value, transformed);
    if (converted.length > 0) throw validationFailed(converted);
    return transformed;
  }
}

/**
 * Validation of every HTTP body and NATS payload against its contract class: unknown fields
 * are rejected, types are never converted, and the error names each field and what is wrong with it.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictTypesValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
