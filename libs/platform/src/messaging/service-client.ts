import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { headers } from '@nats-io/transport-node';
import {
  catchError,
  defer,
  EmptyError,
  finalize,
  firstValueFrom,
  lastValueFrom,
  throwError,
  throwIfEmpty,
  timeout,
  TimeoutError,
  toArray,
  type Observable,
} from 'rxjs';
import {
  ErrorCode,
  PlatformError,
  REQUEST_ID_HEADER,
  serviceOf,
  type ChunkOf,
  type ReplyOf,
  type RequestOf,
  type StreamedSubject,
  type UnarySubject,
} from '@aip/contracts';
import { BaseConfig } from '../config/base.config';
import { acceptOrCreateRequestId, currentRequestId } from '../logging/request-context';
import { NATS_CLIENT } from './nats-client.token';

export interface RequestOptions {
  /** Overrides NATS_REQUEST_TIMEOUT_MS for this call. */
  timeoutMs?: number;
}

/**
 * Request/reply to another service over NATS. Carries the current request id in a header and
 * turns every way a call can fail into a PlatformError: the callee's own typed error, or
 * SERVICE_UNAVAILABLE naming the service when nobody answers in time.
 */
@Injectable()
export class ServiceClient {
  private readonly inFlight = new Map<string, number>();

  constructor(
    @Inject(NATS_CLIENT) private readonly client: ClientProxy,
    private readonly config: BaseConfig,
  ) {}

  /** One reply. The service, the payload's type and the reply's come from the subject map. */
  async request<S extends UnarySubject>(
    subject: S,
    payload: RequestOf<S>,
    options: RequestOptions = {},
  ): Promise<ReplyOf<S>> {
    const timeoutMs = options.timeoutMs ?? this.config.NATS_REQUEST_TIMEOUT_MS;
    return firstValueFrom(
      this.send<ReplyOf<S>>(serviceOf(subject), subject, payload, options).pipe(
        throwIfEmpty(() => toClientError(new EmptyError(), serviceOf(subject), subject, timeoutMs)),
      ),
    );
  }

  /** Every message of a streamed reply, in order (the timeout applies to each gap). */
  async requestAll<S extends StreamedSubject>(
    subject: S,
    payload: RequestOf<S>,
    options: RequestOptions = {},
  ): Promise<ChunkOf<S>[]> {
    return lastValueFrom(this.stream(subject, payload, options).pipe(toArray()));
  }

  /**
   * A streamed reply as it arrives, message by message (the timeout applies to each gap), for
   * callers that pass the pieces on rather than hold them all. Nothing is sent until it is
   * subscribed; every failure arrives as a PlatformError.
   */
  stream<S extends StreamedSubject>(
    subject: S,
    payload: RequestOf<S>,
    options: RequestOptions = {},
  ): Observable<ChunkOf<S>> {
    return this.send<ChunkOf<S>>(serviceOf(subject), subject, payload, options);
  }

  /** The untyped call under the typed ones; protected so tests can use subjects of their own. */
  protected send<TMessage>(
    service: string,
    subject: string,
    payload: object,
    options: RequestOptions,
  ): Observable<TMessage> {
    return defer(() => {
      const timeoutMs = options.timeoutMs ?? this.config.NATS_REQUEST_TIMEOUT_MS;
      // Backpressure: a bounded number of requests wait on each service; beyond that the caller
      // hears at once that it is busy instead of queueing without bound.
      const busy = this.inFlight.get(service) ?? 0;
      if (busy >= this.config.NATS_MAX_IN_FLIGHT) {
        throw new PlatformError(
          ErrorCode.ServiceUnavailable,
          `Service ${service} is busy: ${busy} requests in flight (limit ${this.config.NATS_MAX_IN_FLIGHT})`,
          { service, subject, retryAfterSeconds: 1 },
        );
      }
      this.inFlight.set(service, busy + 1);
      const natsHeaders = headers();
      natsHeaders.set(REQUEST_ID_HEADER, currentRequestId() ?? acceptOrCreateRequestId(undefined));
      const record = new NatsRecordBuilder(payload).setHeaders(natsHeaders).build();
      return this.client.send<TMessage>(subject, record).pipe(
        timeout({ each: timeoutMs }),
        catchError((error: unknown) =>
          throwError(() => toClientError(error, service, subject, timeoutMs)),
        ),
        finalize(() => this.inFlight.set(service, (this.inFlight.get(service) ?? 1) - 1)),
      );
    });
  }
}

export function toClientError(
  error: unknown,
  service: string,
  subject: string,
  timeoutMs: number,
): PlatformError {
  const typed = PlatformError.fromPayload(error);
  if (typed) return typed;
  const details = { service, subject };
  if (error instanceof TimeoutError) {
    return new PlatformError(
      ErrorCode.ServiceUnavailable,
      `Service ${service} did not answer ${subject} within ${timeoutMs} ms`,
      details,
    );
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (/empty response|no responders|503/i.test(text)) {
    return new PlatformError(
      ErrorCode.ServiceUnavailable,
      `Service ${service} is not running (nothing answers ${subject})`,
      details,
    );
  }
  if (/connection|reconnect|closed|disconnect/i.test(text)) {
    return new PlatformError(
      ErrorCode.ServiceUnavailable,
      `Service ${service} is unreachable: the message bus is down`,
      details,
    );
  }
  return new PlatformError(
    ErrorCode.ServiceUnavailable,
    `Service ${service} failed to answer ${subject}`,
    { ...details, cause: text.slice(0, 200) },
  );
}
