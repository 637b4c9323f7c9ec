import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ErrorCode, PlatformError } from '@aip/contracts';

function messages(errors: ValidationError[], path: string): string[] {
  return errors.flatMap((error) => {
    const field = `${path}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? `settings.${message}` : `${field}: ${message}`,
    );
    return [...own, ...messages(error.children ?? [], field)];
  });
}

/**
 * A kind's settings as its class, defaults applied; unknown or bad fields are a 400 naming each
 * field (`settings.<field> ...`) and its limit.
 */
export function parseSettings<T extends object>(
  type: ClassConstructor<T>,
  settings: Record<string, unknown>,
): T {
  const instance = plainToInstance(type, settings);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const problems = messages(errors, 'settings');
    throw new PlatformError(ErrorCode.ValidationFailed, problems.join('; '), { errors: problems });
  }
  return instance;
}
