import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';

/** An integer variable within [min, max]. */
export const EnvInt = (min: number, max: number): PropertyDecorator =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );

/** A TCP port variable. */
export const EnvPort = (): PropertyDecorator => EnvInt(1, 65535);

/** `true` or `false`, nothing else. */
export const EnvBoolean = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );

/** One of a fixed list of strings. */
export const EnvOneOf = (values: readonly string[]): PropertyDecorator =>
  IsIn(values, { message: ({ property }) => `${property} must be one of: ${values.join(', ')}` });
