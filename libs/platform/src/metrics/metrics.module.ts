import { Controller, Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { Public, RequirePermission, type Permission } from '@aip/rbac';
import { RequestMetrics } from './request-metrics';

/**
 * `/metrics` in Prometheus text format: process metrics plus the request metrics. Open on the
 * internal apps' own ports; the gateway, which faces users, asks for a permission.
 */
function metricsController(permission?: Permission): Type<PrometheusController> {
  const access = permission ? RequirePermission(permission) : Public();
  @access
  @ApiExcludeController()
  @Controller()
  class MetricsController extends PrometheusController {}
  return MetricsController;
}

@Global()
@Module({})
export class MetricsModule {
  static forRoot(permission?: Permission): DynamicModule {
    return {
      module: MetricsModule,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          controller: metricsController(permission),
          defaultMetrics: { enabled: true },
        }),
      ],
      providers: [RequestMetrics],
      exports: [RequestMetrics],
    };
  }
}
