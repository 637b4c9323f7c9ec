import { objectId, type KubernetesObject } from './kubernetes-object';

/**
 * What rendered objects refer to by name: Secrets, ConfigMaps, PersistentVolumeClaims,
 * ServiceAccounts, Services (in URLs of settings and by ServiceMonitor selectors) and the
 * targets of autoscalers. Each is `Kind/name`, with the object that refers to it.
 */
export interface Reference {
  target: string;
  from: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);
const at = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((current, key) => (isNode(current) ? current[key] : undefined), node);

/** The pod spec of a workload, wherever its kind keeps it. */
function podSpec(object: KubernetesObject): Node | undefined {
  const spec = object.spec;
  const found =
    object.kind === 'CronJob'
      ? at(spec, 'jobTemplate', 'spec', 'template', 'spec')
      : object.kind === 'Pod'
        ? spec
        : at(spec, 'template', 'spec');
  return isNode(found) ? found : undefined;
}

/**
 * Kubernetes Service names in a setting: the host of each URL that is in-cluster (a bare name,
 * or `name.namespace.svc[.cluster.local]`); other hosts are outside the cluster.
 */
function serviceHosts(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"',]+/g)].flatMap(([url]) => {
    const host = URL.canParse(url) ? new URL(url).hostname : '';
    const inCluster = /^[a-z0-9-]+$/.test(host) || /\.svc(\.cluster\.local)?$/.test(host);
    return inCluster && host !== 'localhost' ? [host.split('.')[0]] : [];
  });
}

function podReferences(spec: Node): string[] {
  const found: string[] = [];
  const account = spec.serviceAccountName;
  if (typeof account === 'string' && account !== 'default') found.push(`ServiceAccount/${account}`);
  for (const secret of nodes(spec.imagePullSecrets)) found.push(`Secret/${String(secret.name)}`);
  for (const container of [...nodes(spec.containers), ...nodes(spec.initContainers)]) {
    for (const variable of nodes(container.env)) {
      const secret = at(variable, 'valueFrom', 'secretKeyRef');
      const config = at(variable, 'valueFrom', 'configMapKeyRef');
      if (isNode(secret) && secret.optional !== true) found.push(`Secret/${String(secret.name)}`);
      if (isNode(config) && config.optional !== true)
        found.push(`ConfigMap/${String(config.name)}`);
      found.push(...serviceHosts(variable.value).map((host) => `Service/${host}`));
    }
    for (const source of nodes(container.envFrom)) {
      if (isNode(source.secretRef) && source.secretRef.optional !== true)
        found.push(`Secret/${String(source.secretRef.name)}`);
      if (isNode(source.configMapRef) && source.configMapRef.optional !== true)
        found.push(`ConfigMap/${String(source.configMapRef.name)}`);
    }
  }
  for (const volume of nodes(spec.volumes)) {
    if (isNode(volume.secret) && volume.secret.optional !== true)
      found.push(`Secret/${String(volume.secret.secretName)}`);
    if (isNode(volume.configMap) && volume.configMap.optional !== true)
      found.push(`ConfigMap/${String(volume.configMap.name)}`);
    if (isNode(volume.persistentVolumeClaim))
      found.push(`PersistentVolumeClaim/${String(volume.persistentVolumeClaim.claimName)}`);
  }
  return found;
}

const labelsMatch = (selector: unknown, labels: unknown): boolean =>
  isNode(selector) &&
  isNode(labels) &&
  Object.entries(selector).every(([key, value]) => labels[key] === value);

export function references(objects: KubernetesObject[]): Reference[] {
  const found: Reference[] = [];
  for (const object of objects) {
    const from = objectId(object);
    const add = (target: string): void => void found.push({ target, from });
    const pod = podSpec(object);
    if (pod) podReferences(pod).forEach(add);
    if (object.kind === 'ConfigMap' && isNode(object.data)) {
      for (const value of Object.values(object.data))
        serviceHosts(value).forEach((host) => add(`Service/${host}`));
    }
    if (object.kind === 'HorizontalPodAutoscaler') {
      const target = at(object.spec, 'scaleTargetRef');
      if (isNode(target)) add(`${String(target.kind)}/${String(target.name)}`);
    }
    if (object.kind === 'ServiceMonitor') {
      for (const endpoint of nodes(at(object.spec, 'endpoints'))) {
        const credentials = at(endpoint, 'authorization', 'credentials');
        if (isNode(credentials)) add(`Secret/${String(credentials.name)}`);
      }
      const selector = at(object.spec, 'selector', 'matchLabels');
      const service = objects.find(
        (candidate) =>
          candidate.kind === 'Service' && labelsMatch(selector, candidate.metadata.labels),
      );
      add(service ? objectId(service) : `Service/{selector ${JSON.stringify(selector)}}`);
    }
  }
  return found;
}

/** References to objects that the rendered set does not hold and that are not user-provided. */
export function danglingReferences(
  objects: KubernetesObject[],
  userProvided: string[] = [],
): Reference[] {
  const rendered = new Set(objects.map(objectId));
  return references(objects).filter(
    ({ target }) => !rendered.has(target) && !userProvided.includes(target),
  );
}
