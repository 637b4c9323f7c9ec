import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type PointId,
  type PointRecord,
  type UpsertResult,
} from '@aip/contracts';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { DeletePointsDto, ScrollPointsDto, SearchPointsDto, UpsertPointsDto } from './vectors.dto';
import { VectorClient } from './vector.client';

/** Path ids are strings; unsigned integers are Qdrant integer ids. */
function pathId(id: string): PointId {
  return /^\d+$/.test(id) ? Number(id) : id;
}

@ApiTags('points')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/collections/:name')
export class PointsController {
  constructor(private readonly vector: VectorClient) {}

  @Post('points')
  @RequirePermission('vectors:insert')
  @ApiOperation({ summary: 'Insert or replace points: vectors, or texts the service embeds' })
  upsert(
    @Param('name') name: string,
    @Body() body: UpsertPointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UpsertResult> {
    return this.vector.call(Subject.VectorPointsUpsert, {
      ...body,
      collection: name,
      tenant: principal.tenant,
    });
  }

  @Get('points/:id')
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'One point by id' })
  async get(
    @Param('name') name: string,
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PointRecord> {
    const { points } = await this.vector.call<{ points: PointRecord[] }>(Subject.VectorPointsGet, {
      collection: name,
      ids: [pathId(id)],
      tenant: principal.tenant,
    });
    if (points.length === 0) {
      throw new PlatformError(ErrorCode.NotFound, `No point ${id} in collection ${name}`);
    }
    return points[0];
  }

  @Post('points/delete')
  @HttpCode(200)
  @RequirePermission('vectors:delete')
  @ApiOperation({ summary: 'Delete points by ids or by filter' })
  delete(
    @Param('name') name: string,
    @Body() body: DeletePointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ deleted: number }> {
    return this.vector.call(Subject.VectorPointsDelete, {
      ...body,
      collection: name,
      tenant: principal.tenant,
    });
  }

  @Post('points/scroll')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'Page through points, optionally filtered' })
  scroll(
    @Param('name') name: string,
    @Body() body: ScrollPointsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.vector.call(Subject.VectorPointsScroll, {
      ...body,
      collection: name,
      tenant: principal.tenant,
    });
  }

  @Post('search')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary: 'Nearest points to a vector or to a text (embedded with the collection model)',
  })
  search(
    @Param('name') name: string,
    @Body() body: SearchPointsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.vector.call(Subject.VectorPointsSearch, {
      ...body,
      collection: name,
      tenant: principal.tenant,
    });
  }
}
