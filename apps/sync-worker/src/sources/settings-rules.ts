import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { rules } from '@aip/contracts';

/**
 * An optional integer setting within [min, max]; each message names the field and its limit.
 * The rules are listed bottom-up, in the order stacked decorators register, so a value breaking
 * several of them gets its messages in the same order as written out by hand.
 */
export const IntSetting = (min: number, max: number): PropertyDecorator =>
  rules(
    Max(max, { message: `$property must be at most ${max}` }),
    Min(min, { message: `$property must be at least ${min}` }),
    IsInt({ message: '$property must be an integer' }),
    IsOptional(),
  );
