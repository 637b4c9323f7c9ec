import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPlatformErrors } from '@aip/platform';
import { publicView, RequirePermission } from '@aip/rbac';
import { CreateApiKeyDto } from './api-key.dto';
import { ApiKeyListDto, CreatedApiKeyDto } from './api-key.responses';
import { KeyStore } from './key-store.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiSecurity('api-key')
@RequirePermission('admin')
@Controller('api/v1/admin/keys')
export class AdminKeysController {
  constructor(private readonly keys: KeyStore) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiPlatformErrors(400, 401, 403, 413, 429, 503)
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { record, key } = await this.keys.create({ ...body });
    return { ...publicView(record), key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their secrets or hashes)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiPlatformErrors(401, 403, 429, 503)
  async list(): Promise<ApiKeyListDto> {
    return { keys: (await this.keys.list()).map(publicView) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a runtime API key' })
  @ApiNoContentResponse({ description: 'Revoked: the key stops working on every replica' })
  @ApiPlatformErrors(401, 403, 404, 409, 429, 503)
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
