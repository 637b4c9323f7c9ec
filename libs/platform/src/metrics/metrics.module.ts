import { Controller, Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { CrossTenant, Public, RequirePermission, type Permission } from '@aip/rbac';
import { RequestMetrics } from './request-metrics';

/**
 * `/metrics` in Prometheus text format: process metrics plus the request metrics. Open on the
 * internal apps' own (loopback or policy-guarded) ports; the gateway, which faces users, asks
 * for a permission and refuses tenant-scoped keys: the figures are every tenant's.
 */
function metricsController(permission?: Permission): Type<PrometheusController> {
  const access = permission ? RequirePermission(permission) : Public();
  const scope: ClassDecorator = permission ? CrossTenant() : () => undefined;
  @access
  @scope
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
