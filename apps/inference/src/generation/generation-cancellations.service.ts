import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { generationCancelSubject } from '@aip/contracts';
import { NATS_CLIENT } from '@aip/platform';

/**
 * Listens for the cancellation of running generations. NATS never tells a replier that its
 * caller stopped reading, so the gateway publishes on the generation's own cancel subject when
 * its HTTP client disconnects; a plain subscription (no queue group) reaches the one replica
 * that runs it.
 */
@Injectable()
export class GenerationCancellations {
  constructor(@Inject(NATS_CLIENT) private readonly client: ClientProxy) {}

  /**
   * Aborts `controller` when the caller cancels the generation (nothing to watch without an id);
   * the returned function stops listening.
   */
  abortOnCancel(generationId: string | undefined, controller: AbortController): () => void {
    if (!generationId) return () => undefined;
    const watching = this.watch(generationId, () =>
      controller.abort(new Error('cancelled by caller')),
    ).catch(() => undefined);
    return () => void watching.then((stop) => stop?.());
  }

  /** Calls `onCancel` when the generation is cancelled; the returned function stops listening. */
  private async watch(generationId: string, onCancel: () => void): Promise<() => void> {
    await this.client.connect();
    const connection = this.client.unwrap<NatsConnection>();
    const subscription = connection.subscribe(generationCancelSubject(generationId), {
      max: 1,
      callback: () => onCancel(),
    });
    return () => subscription.unsubscribe();
  }
}
