import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatRequest } from '../inference/generation.contract';
import { IngestRequest } from '../sync/ingest.contract';
import { UpdateCollectionRequest } from '../vector/vector-collections.contract';
import { UpsertPointsRequest } from '../vector/vector-points.contract';
import { SearchBatchRequest } from '../vector/vector-search.contract';

function problems(cls: new () => object, plain: object): string[] {
  return validateSync(plainToInstance(cls, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).flatMap(function messages(error): string[] {
    return [...Object.values(error.constraints ?? {}), ...(error.children ?? []).flatMap(messages)];
  });
}

describe('nested objects in contracts', () => {
  it('refuses an array, null or a string where a list holds objects', () => {
    for (const message of [[], [{ role: 'user', content: 'hi' }], null, 'hi']) {
      expect(problems(ChatRequest, { messages: [message] })).toContain(
        'each of messages must be an object',
      );
    }
    expect(problems(SearchBatchRequest, { collection: 'docs', queries: [[]] })).toContain(
      'each of queries must be an object',
    );
    expect(
      problems(UpsertPointsRequest, { collection: 'docs', points: [[{ text: 'a' }]] }),
    ).toContain('each of points must be an object');
  });

  it('refuses an array where one settings object goes', () => {
    expect(problems(UpdateCollectionRequest, { name: 'docs', hnsw_config: [{ m: 4 }] })).toContain(
      'hnsw_config must be an object',
    );
    expect(problems(UpdateCollectionRequest, { name: 'docs', optimizers_config: [] })).toContain(
      'optimizers_config must be an object',
    );
    expect(
      problems(IngestRequest, { collection: 'docs', documents: [{}], chunking: [] }),
    ).toContain('chunking must be an object');
  });

  it('still validates inside the objects and takes good ones', () => {
    expect(problems(ChatRequest, { messages: [{ role: 'user', content: 'hi' }] })).toEqual([]);
    expect(problems(ChatRequest, { messages: [{ role: 'robot', content: 'hi' }] })).toEqual([
      expect.stringContaining('role must be one of'),
    ]);
    expect(problems(UpdateCollectionRequest, { name: 'docs', hnsw_config: { m: 4 } })).toEqual([]);
    expect(problems(UpdateCollectionRequest, { name: 'docs', hnsw_config: { m: -1 } })).toEqual([
      'm must not be less than 0',
    ]);
  });
});
