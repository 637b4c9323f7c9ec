import { readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { KubeConfig, ListWatch, type KubernetesObject } from '@kubernetes/client-node';
import { backoffMs, type LiveSource, type SourceContext } from '../live-source';
import { listAll, type RequestAuth } from './kube-list';
import type { KubernetesSettings } from './kubernetes-settings';
import { PacedWatch } from './paced-watch';
import { resourceDocument, resourceUid, type KubeResource } from './resource-document';
import { resourceKind, resourcePath, type ResourceKind } from './resource-kinds';

/** The operator's declared cluster: a server with a token file, a kubeconfig, or in-cluster. */
function kubeConfig({ target }: KubernetesSettings): KubeConfig {
  const config = new KubeConfig();
  if (target.server !== undefined) {
    const token =
      target.token_file === undefined ? undefined : readFileSync(target.token_file, 'utf8').trim();
    config.loadFromClusterAndUser(
      // The client refuses http:// unless told there is no certificate to verify; https:// is
      // always verified.
      { name: 'source', server: target.server, skipTLSVerify: target.server.startsWith('http:') },
      { name: 'source', token },
    );
  } else if (target.kubeconfig !== undefined) {
    config.loadFromFile(target.kubeconfig);
    if (target.context !== undefined) config.setCurrentContext(target.context);
  } else config.loadFromCluster();
  return config;
}

/** One kind in one namespace (or all of them): one list-then-watch loop. */
interface Target {
  resource: ResourceKind;
  namespace?: string;
  /** What the source reconciles by after each list: the documents of this target. */
  group: string;
}

/**
 * Mirrors a cluster: for each kind (and namespace, when some are named) a ListWatch from
 * @kubernetes/client-node lists, then watches from the list's resourceVersion. ADDED and
 * MODIFIED upsert the resource's YAML, DELETED removes it. A watch that ends is resumed from
 * the last resourceVersion (paced: see PacedWatch); one that fails is started again with
 * backoff, also from there; a 410 Gone (that version was compacted away) makes it list again,
 * and every list removes the documents of resources that are no longer there, including ones
 * deleted while we were down.
 */
export class KubernetesSource implements LiveSource {
  private readonly informers: ListWatch<KubernetesObject>[] = [];
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopped = false;
  private setupAttempts = 0;

  constructor(
    private readonly settings: KubernetesSettings,
    private readonly context: SourceContext,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.connect();
      this.setupAttempts = 0;
    } catch (error) {
      // A kubeconfig or token that cannot be read yet (a volume mounting late): try again.
      this.context.failed(`kubernetes: ${(error as Error).message}`);
      const retry = setTimeout(() => {
        this.retries.delete(retry);
        if (!this.stopped) void this.start();
      }, backoffMs(++this.setupAttempts));
      this.retries.add(retry);
    }
  }

  private async connect(): Promise<void> {
    const config = kubeConfig(this.settings);
    const server = config.getCurrentCluster()?.server;
    if (server === undefined) throw new Error('the Kubernetes configuration names no cluster');
    const options = await config.applyToFetchOptions({});
    const auth: RequestAuth = {
      headers: Object.fromEntries((options.headers as unknown as Headers).entries()),
      agent: options.agent as Agent | undefined,
    };
    await Promise.all(
      this.targets().map((target) => this.startTarget(target, server, config, auth)),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.retries.forEach(clearTimeout);
    await Promise.all(this.informers.map((informer) => informer.stop()));
  }

  private targets(): Target[] {
    return this.settings.kinds.flatMap((name) => {
      const resource = resourceKind(name)!;
      const namespaces =
        resource.namespaced && this.settings.namespaces.length > 0
          ? this.settings.namespaces
          : [undefined];
      return namespaces.map((namespace) => ({
        resource,
        namespace,
        group: `${resource.kind}/${namespace ?? '*'}`,
      }));
    });
  }

  private accepts(resource: KubeResource): boolean {
    const namespace = resource.metadata?.namespace;
    return namespace === undefined || !this.settings.exclude_namespaces.includes(namespace);
  }

  private async startTarget(target: Target, server: string, config: KubeConfig, auth: RequestAuth) {
    const path = resourcePath(target.resource, target.namespace);
    // One per target: each paces its own watch.
    const watch = new PacedWatch(config, () => this.stopped);
    let attempts = 0;
    const list = async () => {
      const listed = await listAll(server, path, auth, this.settings.label_selector);
      attempts = 0;
      this.context.recovered();
      await this.removeVanished(
        target,
        listed.items.filter((item) => this.accepts(item)),
      );
      return listed as never;
    };
    const informer = new ListWatch<KubernetesObject>(
      path,
      watch,
      list,
      false,
      this.settings.label_selector,
    );
    const upsert = (object: KubernetesObject) => {
      if (!this.accepts(object as KubeResource)) return;
      this.context.events(1);
      this.context.writer.upsert(
        resourceDocument(object as KubeResource, target.resource),
        target.group,
      );
    };
    informer.on('add', upsert);
    informer.on('update', upsert);
    informer.on('delete', (object) => {
      if (!this.accepts(object as KubeResource)) return;
      this.context.events(1);
      this.context.writer.remove(resourceUid(object as KubeResource, target.resource));
    });
    const report = (error: unknown) =>
      this.context.failed(`${path}: ${(error as Error)?.message ?? String(error)}`);
    informer.on('error', (error: unknown) => {
      if (this.stopped) return;
      report(error);
      // Started again from the last resourceVersion it saw (a list when it has none).
      const retry = setTimeout(() => {
        this.retries.delete(retry);
        if (!this.stopped) informer.start().catch(report);
      }, backoffMs(++attempts));
      this.retries.add(retry);
    });
    this.informers.push(informer);
    await informer.start();
    if (this.stopped) await informer.stop();
  }

  private async removeVanished(target: Target, listed: KubeResource[]): Promise<void> {
    const present = new Set(listed.map((item) => resourceUid(item, target.resource)));
    for (const uid of await this.context.known(target.group))
      if (!present.has(uid)) this.context.writer.remove(uid);
  }
}
