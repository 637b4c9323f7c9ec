import { Controller, Global, Module } from '@nestjs/common';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { Public } from '@aip/rbac';
import { ApiExcludeController } from '@nestjs/swagger';
import { RequestMetrics } from './request-metrics';

/** `/metrics` in Prometheus text format: process metrics plus the request metrics. */
@Public()
@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {}

@Global()
@Module({
  imports: [
    PrometheusModule.register({
      path: '/metrics',
      controller: MetricsController,
      defaultMetrics: { enabled: true },
    }),
  ],
  providers: [RequestMetrics],
  exports: [RequestMetrics],
})
export class MetricsModule {}
