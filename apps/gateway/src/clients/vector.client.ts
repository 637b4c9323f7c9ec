import { Injectable } from '@nestjs/common';
import type { ServiceName } from '@aip/contracts';
import { CalleeClient } from '@aip/platform';

/** The vector service over NATS: the one way every gateway route reaches it. */
@Injectable()
export class VectorClient extends CalleeClient<ServiceName.Vector> {}
