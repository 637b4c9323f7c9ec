import { Injectable } from '@nestjs/common';
import { ServiceName, type Subject } from '@aip/contracts';
import { ServiceClient } from '@aip/platform';

/** The vector service over NATS. */
@Injectable()
export class VectorClient {
  constructor(private readonly client: ServiceClient) {}

  call<T>(subject: Subject, payload: object): Promise<T> {
    return this.client.request<T>(ServiceName.Vector, subject, payload);
  }
}
