import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

// ValidateNested alone also takes an array where the object goes: it validates the array's
// items instead, so `[]` passed as a chat message, a query or a settings object and reached
// the service that used it. IsObject refuses arrays (and null, strings, numbers) first.

type ClassOf = () => new () => object;

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A field holding one object of the class `type` returns, validated inside. */
export const NestedObject = (type: ClassOf, field: string): PropertyDecorator =>
  all(IsObject({ message: `${field} must be an object` }), ValidateNested(), Type(type));

/** A list of objects of the class `type` returns, each validated inside. */
export const NestedObjects = (type: ClassOf, field: string): PropertyDecorator =>
  all(
    IsObject({ each: true, message: `each of ${field} must be an object` }),
    ValidateNested({ each: true }),
    Type(type),
  );
