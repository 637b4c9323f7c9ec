import { startTestEngine, type TestEngine } from '../testing/start-test-engine';

describe('vector-engine through @qdrant/js-client-rest: collections and aliases', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates a collection with one unnamed vector and reports Qdrant-shaped info', async () => {
    expect(
      await t.client.createCollection('docs', { vectors: { size: 4, distance: 'Cosine' } }),
    ).toBe(true);
    const info = await t.client.getCollection('docs');
    expect(info).toMatchObject({
      status: 'green',
      optimizer_status: 'ok',
      points_count: 0,
      indexed_vectors_count: 0,
      config: {
        params: { vectors: { size: 4, distance: 'Cosine' } },
        hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000 },
        optimizer_config: { indexing_threshold: 10000 },
      },
      payload_schema: {},
    });
  });

  it('creates named vectors with every distance and accepts hnsw, optimizer and on_disk settings', async () => {
    await t.client.createCollection('multi', {
      vectors: {
        text: { size: 3, distance: 'Dot', on_disk: true },
        image: { size: 2, distance: 'Euclid' },
        code: { size: 2, distance: 'Manhattan' },
      },
      hnsw_config: { m: 8, ef_construct: 64 },
      optimizers_config: { indexing_threshold: 0 },
      on_disk_payload: false,
    });
    const info = await t.client.getCollection('multi');
    expect(info.config.params.vectors).toEqual({
      text: { size: 3, distance: 'Dot', on_disk: true },
      image: { size: 2, distance: 'Euclid' },
      code: { size: 2, distance: 'Manhattan' },
    });
    expect(info.config.hnsw_config).toMatchObject({ m: 8, ef_construct: 64 });
    expect(info.config.optimizer_config.indexing_threshold).toBe(0);
  });

  it('lists, checks existence, updates and deletes', async () => {
    const { collections } = await t.client.getCollections();
    expect(collections.map((c) => c.name).sort()).toEqual(['docs', 'multi']);
    expect(await t.client.collectionExists('docs')).toEqual({ exists: true });
    expect(await t.client.collectionExists('nope')).toEqual({ exists: false });
    await t.client.updateCollection('docs', {
      optimizers_config: { indexing_threshold: 20000 },
      hnsw_config: { ef_construct: 200 },
    });
    const info = await t.client.getCollection('docs');
    expect(info.config.optimizer_config.indexing_threshold).toBe(20000);
    expect(info.config.hnsw_config.ef_construct).toBe(200);
    expect(await t.client.deleteCollection('multi')).toBe(true);
    expect(await t.client.collectionExists('multi')).toEqual({ exists: false });
  });

  it('answers Qdrant errors: 404 for a missing collection, 409 for a duplicate, 400 for bad params', async () => {
    await expect(t.client.getCollection('missing')).rejects.toMatchObject({ status: 404 });
    await expect(
      t.client.createCollection('docs', { vectors: { size: 4, distance: 'Cosine' } }),
    ).rejects.toMatchObject({ status: 409 });
    const bad = await fetch(`${t.url}/collections/bad`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vectors: { size: 4, distance: 'Hamming' } }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { status: { error: string }; time: number };
    expect(body.status.error).toContain('distance');
    expect(typeof body.time).toBe('number');
    const malformed = await fetch(`${t.url}/collections/bad`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"vectors": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { status: { error: string } }).status.error).toMatch(
      /^Format error in JSON body/,
    );
  });

  it('creates, renames and deletes aliases, and resolves them for reads', async () => {
    await t.client.updateCollectionAliases({
      actions: [{ create_alias: { collection_name: 'docs', alias_name: 'current' } }],
    });
    expect(await t.client.getAliases()).toEqual({
      aliases: [{ alias_name: 'current', collection_name: 'docs' }],
    });
    expect((await t.client.getCollection('current')).config.params.vectors).toEqual({
      size: 4,
      distance: 'Cosine',
    });
    await t.client.updateCollectionAliases({
      actions: [{ rename_alias: { old_alias_name: 'current', new_alias_name: 'live' } }],
    });
    expect(await t.client.getCollectionAliases('docs')).toEqual({
      aliases: [{ alias_name: 'live', collection_name: 'docs' }],
    });
    await t.client.updateCollectionAliases({ actions: [{ delete_alias: { alias_name: 'live' } }] });
    expect(await t.client.getAliases()).toEqual({ aliases: [] });
  });

  it('swaps an alias atomically between collections', async () => {
    await t.client.createCollection('v2', { vectors: { size: 4, distance: 'Cosine' } });
    await t.client.updateCollectionAliases({
      actions: [{ create_alias: { collection_name: 'docs', alias_name: 'prod' } }],
    });
    await t.client.updateCollectionAliases({
      actions: [
        { delete_alias: { alias_name: 'prod' } },
        { create_alias: { collection_name: 'v2', alias_name: 'prod' } },
      ],
    });
    expect(await t.client.getCollectionAliases('v2')).toEqual({
      aliases: [{ alias_name: 'prod', collection_name: 'v2' }],
    });
  });

  it('creates and deletes payload indexes of every type and reports them in payload_schema', async () => {
    for (const type of [
      'keyword',
      'integer',
      'float',
      'bool',
      'datetime',
      'text',
      'geo',
      'uuid',
    ] as const) {
      await t.client.createPayloadIndex('docs', {
        field_name: `f_${type}`,
        field_schema: type,
        wait: true,
      });
    }
    await t.client.createPayloadIndex('docs', {
      field_name: 'body',
      field_schema: { type: 'text', tokenizer: 'word', lowercase: true },
      wait: true,
    });
    const schema = (await t.client.getCollection('docs')).payload_schema;
    expect(Object.keys(schema).sort()).toEqual(
      [
        'body',
        'f_bool',
        'f_datetime',
        'f_float',
        'f_geo',
        'f_integer',
        'f_keyword',
        'f_text',
        'f_uuid',
      ].sort(),
    );
    expect(schema['f_keyword']).toMatchObject({ data_type: 'keyword', points: 0 });
    await t.client.deletePayloadIndex('docs', 'f_geo', { wait: true });
    expect((await t.client.getCollection('docs')).payload_schema['f_geo']).toBeUndefined();
  });
});
