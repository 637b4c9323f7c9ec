import { randomUUID } from 'node:crypto';
import type { ClientProxy } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { defer, finalize, tap, type Observable } from 'rxjs';
import { generationCancelSubject, ServiceName, type Subject } from '@aip/contracts';
import type { ServiceClient } from '@aip/platform';

/**
 * A streamed generation on the inference service, under a fresh generation id. A reader that
 * stops before its end (its HTTP client went away) cancels the generation there, which frees the
 * sequence at once: unsubscribing alone would leave it generating for nobody.
 */
export function cancellableGeneration<T>(
  client: ServiceClient,
  nats: ClientProxy,
  subject: Subject,
  payload: object,
  timeoutMs: number,
): Observable<T> {
  return defer(() => {
    const generationId = randomUUID();
    let ended = false;
    return client
      .stream<T>(
        ServiceName.Inference,
        subject,
        { ...payload, stream: true, generation_id: generationId },
        { timeoutMs },
      )
      .pipe(
        tap({ complete: () => (ended = true), error: () => (ended = true) }),
        finalize(() => {
          if (!ended) cancel(nats, generationId);
        }),
      );
  });
}

function cancel(nats: ClientProxy, generationId: string): void {
  try {
    nats.unwrap<NatsConnection>().publish(generationCancelSubject(generationId));
  } catch {
    // No connection: the generation ends at the inference service's time limit instead.
  }
}
