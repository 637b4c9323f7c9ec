import { FakeKubeApiServer } from './fake-kube-api.server';

const KINDS = [{ kind: 'ConfigMap', apiVersion: 'v1', plural: 'configmaps' }];

/** Reads watch lines until `count` arrived or the stream ended. */
async function watchLines(
  url: string,
  count: number,
): Promise<{ type: string; object: { metadata?: { name?: string }; code?: number } }[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  const reader = response.body!.getReader();
  const lines: string[] = [];
  let buffer = '';
  while (lines.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += Buffer.from(value).toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts.filter((line) => line !== ''));
  }
  await reader.cancel();
  return lines.map((line) => JSON.parse(line) as never);
}

describe('FakeKubeApiServer (stands in for a Kubernetes API server in tests)', () => {
  let server: FakeKubeApiServer;
  let url: string;
  beforeEach(async () => {
    server = new FakeKubeApiServer(KINDS);
    url = await server.start();
  });
  afterEach(() => server.stop());

  it('lists with a resourceVersion, per namespace or across all', async () => {
    server.apply('configmaps', { metadata: { name: 'a', namespace: 'one' } });
    server.apply('configmaps', { metadata: { name: 'b', namespace: 'two' } });
    const all = (await (await fetch(`${url}/api/v1/configmaps`)).json()) as {
      kind: string;
      metadata: { resourceVersion: string };
      items: unknown[];
    };
    expect(all.kind).toBe('ConfigMapList');
    expect(all.items).toHaveLength(2);
    expect(Number(all.metadata.resourceVersion)).toBeGreaterThan(0);
    const one = (await (await fetch(`${url}/api/v1/namespaces/one/configmaps`)).json()) as {
      items: unknown[];
    };
    expect(one.items).toHaveLength(1);
    expect((await fetch(`${url}/api/v1/secrets`)).status).toBe(404);
  });

  it('watches from a resourceVersion: the events after it, then live ones, as JSON lines', async () => {
    const first = server.apply('configmaps', { metadata: { name: 'a', namespace: 'one' } });
    server.apply('configmaps', { metadata: { name: 'a', namespace: 'one' }, data: { x: '1' } });
    const events = watchLines(
      `${url}/api/v1/configmaps?watch=true&resourceVersion=${first.metadata.resourceVersion}`,
      2,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.delete('configmaps', 'one', 'a');
    expect((await events).map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
  });

  it('answers 410 Gone (an ERROR event) to a watch from a compacted resourceVersion', async () => {
    const first = server.apply('configmaps', { metadata: { name: 'a', namespace: 'one' } });
    server.deleteSilently('configmaps', 'one', 'a');
    const [event] = await watchLines(
      `${url}/api/v1/configmaps?watch=true&resourceVersion=${first.metadata.resourceVersion}`,
      1,
    );
    expect(event).toMatchObject({ type: 'ERROR', object: { code: 410 } });
  });

  it('drops open watch connections on demand', async () => {
    const response = await fetch(`${url}/api/v1/configmaps?watch=true`);
    const reader = response.body!.getReader();
    server.dropConnections();
    await expect(reader.read()).rejects.toThrow();
  });
});
