import { accessSync, constants, statSync } from 'node:fs';
import { registerDecorator, type ValidationArguments } from 'class-validator';

const isSet = (object: object, name: string): boolean =>
  (object as Record<string, unknown>)[name] !== undefined;

function envRule(
  name: string,
  valid: (value: unknown, args: ValidationArguments) => boolean,
  message: (args: ValidationArguments) => string,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate: valid, defaultMessage: message },
    });
}

/** An optional path variable: when set, its file must exist and be readable by the app. */
export const EnvReadableFile = (): PropertyDecorator =>
  envRule(
    'envReadableFile',
    (value) => {
      if (value === undefined) return true;
      if (typeof value !== 'string') return false;
      try {
        accessSync(value, constants.R_OK);
        return statSync(value).isFile();
      } catch {
        return false;
      }
    },
    ({ property }) => `${property} must name a readable file`,
  );

/**
 * Two variables that only work together. Checked even while this one is unset, so the rule
 * sits on the variable that is safe to echo back (never on a password).
 */
export const EnvBothOrNeither = (other: string): PropertyDecorator =>
  envRule(
    'envBothOrNeither',
    (_value, { object, property }) => isSet(object, property) === isSet(object, other),
    ({ property }) => `${property} and ${other} go together: set both or neither`,
  );

/** Variables that are alternatives to this one: when it is set, none of them may be. */
export const EnvExcludes = (...others: string[]): PropertyDecorator =>
  envRule(
    'envExcludes',
    (_value, { object, property }) =>
      !isSet(object, property) || !others.some((other) => isSet(object, other)),
    ({ object, property }) =>
      `${property} cannot be combined with ${others.filter((o) => isSet(object, o)).join(', ')}: set one of them`,
  );
