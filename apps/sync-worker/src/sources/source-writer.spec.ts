import { RecordingSink } from './testing/recording-sink';
import { testContext, TestRedis } from './testing/test-context';

const doc = (uid: string, text: string) => ({ source_uid: uid, text, type: 'text' as const });

describe('SourceWriter (stand-in sink, real Redis)', () => {
  const redis = new TestRedis();
  afterAll(() => redis.close());

  it('coalesces a burst of changes into one write where the latest change of a document wins', async () => {
    const sink = new RecordingSink();
    const store = redis.store();
    const { writer } = testContext(store, sink, 'burst');
    writer.upsert(doc('a', 'first'));
    writer.upsert(doc('b', 'bee'));
    writer.upsert(doc('a', 'second'));
    writer.upsert(doc('c', 'sea'));
    writer.remove('c');
    await writer.drain();
    expect(sink.calls).toEqual([
      { op: 'upsert', target: 'docs/burst', uids: ['a', 'b'] },
      { op: 'remove', target: 'docs/burst', uids: ['c'] },
    ]);
    expect(sink.textOf('a')).toBe('second');
    expect([...(await store.known('burst'))].sort()).toEqual(['a', 'b']);
    const info = await store.info({
      id: 'burst',
      kind: 'directory',
      collection: 'docs',
      settings: {},
      origin: 'api',
      created_at: '',
      paused: false,
    });
    expect(info.counts).toMatchObject({ upserted: 2, removed: 1, chunks_embedded: 2 });
  });

  it('keeps failed changes and retries them with backoff until the sink is back, then reports running', async () => {
    const sink = new RecordingSink();
    const store = redis.store();
    const { writer } = testContext(store, sink, 'retry');
    sink.failNext = 3;
    writer.upsert(doc('x', 'eventually written'));
    await writer.drain();
    expect(sink.textOf('x')).toBe('eventually written');
    expect(sink.calls).toHaveLength(4);
    const status = await redis.redis.hgetall(`${redis.prefix}:retry:status`);
    expect(status).toMatchObject({ state: 'running', failed: '3' });
    expect(status['last_error']).toContain('vector service unavailable');
  });

  it('does not record a document the sink rejected as written, and names it as the last error', async () => {
    const sink = new RecordingSink();
    const store = redis.store();
    const { writer } = testContext(store, sink, 'rejected');
    writer.upsert(doc('good', 'fine'));
    writer.upsert(doc('bad', 'nul \u0000 inside'));
    await writer.drain();
    expect([...(await store.known('rejected'))]).toEqual(['good']);
    const status = await redis.redis.hgetall(`${redis.prefix}:rejected:status`);
    expect(status['last_error']).toBe('bad: text holds a NUL character');
  });

  it('drops pending changes when stopped, and drain() returns at once', async () => {
    const sink = new RecordingSink();
    const { writer } = testContext(redis.store(), sink, 'stopped');
    writer.upsert(doc('late', 'never written'));
    await writer.stop();
    await writer.drain();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sink.calls).toEqual([]);
  });
});
