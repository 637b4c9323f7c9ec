import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { addRequestSchemas } from './request-schemas';

/** The gateway's OpenAPI document, built from the routes and DTOs of a created app. */
export function createOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('AI platform gateway')
      .setDescription('Generation, embeddings and vector memory behind one API')
      .setVersion(version)
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', name: 'X-API-Key', in: 'header' }, 'api-key')
      .build(),
  );
  addRequestSchemas(app, document);
  return document;
}

/** OpenAPI description at `/docs-json`, browsable at `/docs`. */
export function setupOpenApi(app: INestApplication, version: string): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, version), {
    jsonDocumentUrl: 'docs-json',
  });
}
