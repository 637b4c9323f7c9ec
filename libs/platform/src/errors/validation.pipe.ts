import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, PlatformError } from '@aip/contracts';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problem: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

/**
 * Validation of every HTTP body and NATS payload against its contract class: unknown fields
 * are rejected, and the error names each field and what is wrong with it.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new PlatformError(
        ErrorCode.ValidationFailed,
        problems.map((p) => p.problem).join('; ') || 'Invalid request',
        { problems },
      );
    },
  });
}
