import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { BaseConfig, RedisConfig } from '../config/base.config';
import { ERROR_DIALECTS, type ErrorDialect } from '../errors/error-dialect';
import { PlatformExceptionFilter } from '../errors/platform-exception.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import type { Logger } from '../logging/logger';
import { LOGGER } from '../logging/logger.token';
import { RpcObserverInterceptor } from '../messaging/rpc-observer.interceptor';
import { MetricsModule } from '../metrics/metrics.module';
import type { Permission } from '@aip/rbac';
import { AppInfo } from './app-info';

export interface PlatformModuleOptions {
  info: AppInfo;
  config: BaseConfig;
  logger: Logger;
  /** Permission `/metrics` requires; open when unset (internal ports). */
  metricsPermission?: Permission;
  /** Error shapes of the other APIs the app speaks, by path (see ErrorDialect). */
  errorDialects?: readonly ErrorDialect[];
}

/**
 * What every app gets: its validated config (injectable by its own class and by the shared
 * base classes), the logger, app info, metrics, validation, the error filter and the NATS observer.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({
    info,
    config,
    logger,
    metricsPermission,
    errorDialects = [],
  }: PlatformModuleOptions): DynamicModule {
    const configProviders: Provider[] = [{ provide: BaseConfig, useValue: config }];
    if (config instanceof RedisConfig)
      configProviders.push({ provide: RedisConfig, useValue: config });
    if (config.constructor !== BaseConfig && config.constructor !== RedisConfig) {
      configProviders.push({ provide: config.constructor, useValue: config });
    }
    const exported = [...configProviders, AppInfo, LOGGER];
    return {
      module: PlatformModule,
      imports: [MetricsModule.forRoot(metricsPermission)],
      providers: [
        ...configProviders,
        { provide: AppInfo, useValue: info },
        { provide: LOGGER, useValue: logger },
        { provide: ERROR_DIALECTS, useValue: errorDialects },
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RpcObserverInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: exported.map((p) => (typeof p === 'object' && 'provide' in p ? p.provide : p)),
    };
  }
}
