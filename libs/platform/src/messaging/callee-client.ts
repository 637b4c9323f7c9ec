import { Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type {
  ChunkOf,
  NatsServiceName,
  ReplyOf,
  RequestOf,
  StreamedSubject,
  SubjectsOf,
  UnarySubject,
} from '@aip/contracts';
import { ServiceClient, type RequestOptions } from './service-client';

/**
 * The calls of one app to one other service: `ServiceClient` narrowed to the subjects that
 * service answers, so a call to the wrong service does not compile. Each app declares one
 * subclass per service it calls (`class VectorClient extends CalleeClient<ServiceName.Vector>`).
 */
@Injectable()
export abstract class CalleeClient<TService extends NatsServiceName> {
  constructor(protected readonly services: ServiceClient) {}

  request<S extends UnarySubject & SubjectsOf<TService>>(
    subject: S,
    payload: RequestOf<S>,
    options?: RequestOptions,
  ): Promise<ReplyOf<S>> {
    return this.services.request(subject, payload, options);
  }

  requestAll<S extends StreamedSubject & SubjectsOf<TService>>(
    subject: S,
    payload: RequestOf<S>,
    options?: RequestOptions,
  ): Promise<ChunkOf<S>[]> {
    return this.services.requestAll(subject, payload, options);
  }

  stream<S extends StreamedSubject & SubjectsOf<TService>>(
    subject: S,
    payload: RequestOf<S>,
    options?: RequestOptions,
  ): Observable<ChunkOf<S>> {
    return this.services.stream(subject, payload, options);
  }
}
