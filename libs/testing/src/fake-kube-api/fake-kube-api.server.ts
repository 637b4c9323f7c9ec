import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A kind the fake API serves, as its path names it. */
export interface FakeResourceKind {
  kind: string;
  apiVersion: string;
  plural: string;
}

export interface FakeObject {
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

interface StoredEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  plural: string;
  object: FakeObject;
}

interface Watcher {
  plural: string;
  namespace?: string;
  response: ServerResponse;
}

const PATH = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)(?:\/namespaces\/([^/]+))?\/([a-z]+)$/;

/**
 * Stands in for a Kubernetes API server in tests (no cluster runs here): list with a
 * resourceVersion, watch as chunked JSON lines from a resourceVersion, `410 Gone` (an ERROR
 * event, as the API server sends it) for a version older than the retained history, and
 * connections it can drop at will. Paths: /api/v1[/namespaces/ns]/plural and
 * /apis/group/version[/namespaces/ns]/plural.
 */
export class FakeKubeApiServer {
  private readonly server: Server = createServer((req, res) => this.handle(req, res));
  private readonly objects = new Map<string, FakeObject>();
  private history: StoredEvent[] = [];
  private watchers: Watcher[] = [];
  private readonly sockets = new Set<Socket>();
  private rv = 1000;
  /** Every request's path and query, in order (to see lists and watches happen). */
  readonly requests: string[] = [];

  constructor(private readonly kinds: FakeResourceKind[]) {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Creates or replaces an object (ADDED or MODIFIED); returns it with uid and resourceVersion. */
  apply(plural: string, object: FakeObject): FakeObject {
    const key = this.key(plural, object);
    const existing = this.objects.get(key);
    const stored: FakeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: existing?.metadata.uid ?? object.metadata.uid ?? randomUUID(),
        resourceVersion: String(++this.rv),
      },
    };
    this.objects.set(key, stored);
    this.publish({ rv: this.rv, type: existing ? 'MODIFIED' : 'ADDED', plural, object: stored });
    return stored;
  }

  delete(plural: string, namespace: string | undefined, name: string): void {
    const key = this.key(plural, { metadata: { name, namespace } });
    const existing = this.objects.get(key);
    if (existing === undefined) return;
    this.objects.delete(key);
    const object = {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(++this.rv) },
    };
    this.publish({ rv: this.rv, type: 'DELETED', plural, object });
  }

  /** Forgets the event history: a watch resuming from any earlier version now gets 410 Gone. */
  compact(): void {
    this.history = [];
  }

  /** Cuts every open connection, as a load balancer or an API server restart would. */
  dropConnections(): void {
    this.watchers = [];
    for (const socket of this.sockets) socket.destroy();
  }

  /** Changes an object without telling watchers and compacts: only a re-list can see it. */
  deleteSilently(plural: string, namespace: string | undefined, name: string): void {
    this.objects.delete(this.key(plural, { metadata: { name, namespace } }));
    this.rv++;
    this.compact();
  }

  private key(plural: string, object: FakeObject): string {
    return `${plural}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
  }

  private publish(event: StoredEvent): void {
    this.history.push(event);
    for (const watcher of this.watchers)
      if (this.matches(watcher.plural, watcher.namespace, event.plural, event.object))
        watcher.response.write(`${JSON.stringify({ type: event.type, object: event.object })}\n`);
  }

  private matches(
    plural: string,
    namespace: string | undefined,
    p: string,
    o: FakeObject,
  ): boolean {
    return plural === p && (namespace === undefined || o.metadata.namespace === namespace);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push(`${url.pathname}${url.search}`);
    const match = PATH.exec(url.pathname);
    const kind = this.kinds.find((k) => k.plural === match?.[2]);
    if (req.method !== 'GET' || match === null || kind === undefined) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', status: 'Failure', code: 404, reason: 'NotFound' }));
      return;
    }
    const namespace = match[1];
    if (url.searchParams.get('watch') === 'true') this.watch(kind, namespace, url, res);
    else this.list(kind, namespace, res);
  }

  private list(kind: FakeResourceKind, namespace: string | undefined, res: ServerResponse): void {
    const items = [...this.objects.entries()]
      .filter(
        ([key, o]) =>
          key.startsWith(`${kind.plural}/`) && this.matches(kind.plural, namespace, kind.plural, o),
      )
      .map(([, o]) => o);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: `${kind.kind}List`,
        apiVersion: kind.apiVersion,
        metadata: { resourceVersion: String(this.rv) },
        items,
      }),
    );
  }

  private watch(
    kind: FakeResourceKind,
    namespace: string | undefined,
    url: URL,
    res: ServerResponse,
  ): void {
    const from = Number(url.searchParams.get('resourceVersion') || this.rv);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    // As the API server does: the client waits for the headers before it reads any event.
    res.flushHeaders();
    const oldest = this.history[0]?.rv ?? this.rv + 1;
    if (from < oldest - 1) {
      const gone = {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        reason: 'Expired',
        code: 410,
        message: `too old resource version: ${from}`,
      };
      res.end(`${JSON.stringify({ type: 'ERROR', object: gone })}\n`);
      return;
    }
    for (const event of this.history)
      if (event.rv > from && this.matches(kind.plural, namespace, event.plural, event.object))
        res.write(`${JSON.stringify({ type: event.type, object: event.object })}\n`);
    const watcher: Watcher = { plural: kind.plural, namespace, response: res };
    this.watchers.push(watcher);
    res.on('close', () => (this.watchers = this.watchers.filter((w) => w !== watcher)));
  }
}
