import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { RagQueryRequest, Subject, type RagAnswer, type RagStreamEvent } from '@aip/contracts';
import { GenerationCancellations } from '../generation/generation-cancellations.service';
import { STREAM_FLUSH_CHARS, STREAM_FLUSH_MS } from '../generation/generation-reply';
import { TextCoalescer } from '../generation/text-coalescer';
import { RagService } from './rag.service';
import { Handles } from '@aip/platform';

/**
 * RAG queries over NATS: one answer, or (with `stream`) the answer's text in coalesced `text`
 * messages followed by a `done` message with the citations, confidence and timings. A
 * cancellation from the caller (see generationCancelSubject) stops the generation.
 */
@Controller()
export class RagHandler {
  constructor(
    private readonly rag: RagService,
    private readonly cancellations: GenerationCancellations,
  ) {}

  @Handles(Subject.InferenceRagQuery)
  query(@Payload() request: RagQueryRequest): Promise<RagAnswer> | Observable<RagStreamEvent> {
    if (!request.stream) return this.run(request, new AbortController());
    return new Observable<RagStreamEvent>((subscriber) => {
      const controller = new AbortController();
      const coalescer = new TextCoalescer(
        (text) => subscriber.next({ type: 'text', text }),
        STREAM_FLUSH_MS,
        STREAM_FLUSH_CHARS,
      );
      this.run(request, controller, (text) => coalescer.push(text)).then(
        (answer) => {
          coalescer.flush();
          subscriber.next({ type: 'done', ...answer });
          subscriber.complete();
        },
        (error: unknown) => {
          coalescer.close();
          subscriber.error(error);
        },
      );
      return () => controller.abort(new Error('reply stream closed'));
    });
  }

  private async run(
    request: RagQueryRequest,
    controller: AbortController,
    onText?: (text: string) => void,
  ): Promise<RagAnswer> {
    const stopWatching = this.cancellations.abortOnCancel(request.generation_id, controller);
    try {
      return await this.rag.answer(request, { signal: controller.signal, onText });
    } finally {
      stopWatching();
    }
  }
}
