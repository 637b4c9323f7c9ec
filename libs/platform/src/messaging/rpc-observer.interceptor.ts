import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { REQUEST_ID_HEADER } from '@aip/contracts';
import { LOGGER } from '../logging/logger.token';
import type { Logger } from '../logging/logger';
import { acceptOrCreateRequestId, runWithRequestId } from '../logging/request-context';
import { RequestMetrics } from '../metrics/request-metrics';

interface NatsHeaders {
  get(name: string): string;
}

/**
 * Wraps every NATS handler: adopts the request id from the message headers for the handler's
 * whole execution (so its logs and onward requests carry it) and records per-subject metrics.
 */
@Injectable()
export class RpcObserverInterceptor implements NestInterceptor {
  constructor(
    private readonly metrics: RequestMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const subject = nats.getSubject();
    const headers = nats.getHeaders() as NatsHeaders | undefined;
    const requestId = acceptOrCreateRequestId(headers?.get(REQUEST_ID_HEADER) || undefined);
    const started = process.hrtime.bigint();
    const finish = (outcome: 'success' | 'server_error'): void => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observe('nats', subject, outcome, seconds);
      this.logger.debug({ subject, outcome, ms: Math.round(seconds * 1e4) / 10 }, 'nats');
    };
    return new Observable((subscriber) =>
      runWithRequestId(requestId, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            finish('server_error');
            subscriber.error(error);
          },
          complete: () => {
            finish('success');
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
