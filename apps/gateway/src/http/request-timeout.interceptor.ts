import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, timeout, TimeoutError, type Observable } from 'rxjs';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { GatewayConfig } from '../config/gateway.config';

/** No request holds a connection past GATEWAY_REQUEST_TIMEOUT_MS: the caller gets 504. */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  constructor(private readonly config: GatewayConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.config.GATEWAY_REQUEST_TIMEOUT_MS;
    return next.handle().pipe(
      timeout({ first: limit }),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof TimeoutError
            ? new PlatformError(ErrorCode.Timeout, `Request took longer than ${limit} ms`, {
                limitMs: limit,
              })
            : error,
        ),
      ),
    );
  }
}
