import { firstValueFrom, type Observable } from 'rxjs';
import { ServiceClient } from './service-client';

/**
 * ServiceClient on subjects outside the subject map, for its own tests: a subject of the test's
 * own keeps a real service on the same NATS from answering it.
 */
export class RawServiceClient extends ServiceClient {
  requestRaw<T>(service: string, subject: string, payload: object = {}): Promise<T> {
    return firstValueFrom(this.send<T>(service, subject, payload, {}));
  }

  streamRaw<T>(service: string, subject: string, payload: object = {}): Observable<T> {
    return this.send<T>(service, subject, payload, {});
  }
}
