import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { publicView, RequirePermission } from '@aip/rbac';
import { CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
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
  async create(@Body() body: CreateApiKeyDto): Promise<Record<string, unknown>> {
    const { record, key } = await this.keys.create({ ...body });
    return { ...publicView(record), key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their secrets or hashes)' })
  async list(): Promise<{ keys: Record<string, unknown>[] }> {
    return { keys: (await this.keys.list()).map(publicView) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a runtime API key' })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
