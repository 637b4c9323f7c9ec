import { MessagePattern } from '@nestjs/microservices';
import type { HandlerResult, RequestOf, Subject } from '@aip/contracts';

/** A handler method of `S`: takes the subject's payload (and Nest's context), returns its reply. */
export type SubjectHandler<S extends Subject> = (
  request: RequestOf<S>,
  ...context: never[]
) => HandlerResult<S>;

/**
 * `@MessagePattern(subject)` typed from the subject map: a method whose payload or reply does not
 * match the subject's entry does not compile.
 */
export function Handles<S extends Subject>(subject: S) {
  return <M extends SubjectHandler<S>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    MessagePattern(subject)(target, key, descriptor);
  };
}
