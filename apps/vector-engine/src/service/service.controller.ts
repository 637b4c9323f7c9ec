import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@aip/rbac';
import { AppInfo } from '@aip/platform';

/** The version of Qdrant's REST API this engine answers to. */
export const QDRANT_API_VERSION = '1.18.3';

/** Qdrant's service endpoints, which Qdrant clients and probes call. */
@Public()
@Controller()
export class ServiceController {
  constructor(private readonly info: AppInfo) {}

  @Get()
  root(): { title: string; version: string; engine_version: string } {
    return {
      title: 'vector-engine',
      version: QDRANT_API_VERSION,
      engine_version: this.info.version,
    };
  }

  @Get(['healthz', 'livez', 'readyz'])
  @Header('Content-Type', 'text/plain; charset=utf-8')
  probe(): string {
    return 'healthz check passed';
  }
}
