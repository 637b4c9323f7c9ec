import { Controller, Get, Post } from '@nestjs/common';
import { Authenticated, Public, RequirePermission } from '@aip/rbac';

/** One handler per kind of access a route can declare, for guard tests. */
@Controller('test')
export class AccessRoutes {
  @Get('open')
  @Public()
  open(): void {}

  @Get('me')
  @Authenticated()
  me(): void {}

  @Post('points')
  @RequirePermission('vectors:insert')
  insert(): void {}

  @Get('points')
  @RequirePermission('vectors:search')
  search(): void {}

  @Get('undeclared')
  undeclared(): void {}
}
