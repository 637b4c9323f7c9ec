import { offlineOpenApiDocument } from './offline-document';

describe('offlineOpenApiDocument', () => {
  it('describes the routes /docs-json serves without connecting to any service', async () => {
    const document = await offlineOpenApiDocument('1.2.3');
    expect(document.info.version).toBe('1.2.3');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/v1/chat/completions', '/api/v1/collections']),
    );
  });
});
