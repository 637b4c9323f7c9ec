import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ClientProxy, ClientsModule, Transport } from '@nestjs/microservices';
import { BaseConfig } from '../config/base.config';
import { NATS_CLIENT } from './nats-client.token';
import { natsConnectionOptions } from './nats-options';
import { ServiceClient } from './service-client';

/** The app's NATS client (requests to other services) and the typed ServiceClient over it. */
@Global()
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(NATS_CLIENT) private readonly client: ClientProxy) {}

  static forRoot(service: string): DynamicModule {
    return {
      module: MessagingModule,
      imports: [
        ClientsModule.registerAsync([
          {
            name: NATS_CLIENT,
            inject: [BaseConfig],
            useFactory: (config: BaseConfig) => ({
              transport: Transport.NATS,
              options: natsConnectionOptions(config, `${service}-client`),
            }),
          },
        ]),
      ],
      providers: [ServiceClient],
      exports: [ClientsModule, ServiceClient],
    };
  }

  /**
   * Connect at start, outside any request: the connection's status logging would otherwise
   * inherit the request id of whichever request happened to connect it first. Not awaited, so
   * the app still starts (and reports NATS down) while the bus is unreachable.
   */
  onApplicationBootstrap(): void {
    this.client.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
