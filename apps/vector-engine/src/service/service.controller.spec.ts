import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppInfo } from '@aip/platform';
import { QDRANT_API_VERSION, ServiceController } from './service.controller';

describe('vector-engine service endpoints', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ServiceController],
      providers: [{ provide: AppInfo, useValue: new AppInfo('vector-engine', '9.9.9') }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers GET / with the Qdrant API version Qdrant clients check', async () => {
    const response = await fetch(`${base}/`);
    expect(await response.json()).toEqual({
      title: 'vector-engine',
      version: QDRANT_API_VERSION,
      engine_version: '9.9.9',
    });
  });

  it.each(['healthz', 'livez', 'readyz'])('answers the %s probe as plain text', async (probe) => {
    const response = await fetch(`${base}/${probe}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toBe('healthz check passed');
  });
});
