/** A kind of Kubernetes resource a source can mirror, and where the API serves it. */
export interface ResourceKind {
  kind: string;
  apiVersion: string;
  plural: string;
  namespaced: boolean;
}

const kind = (k: string, apiVersion: string, plural: string, namespaced = true): ResourceKind => ({
  kind: k,
  apiVersion,
  plural,
  namespaced,
});

/** The kinds a source may name. Events and Leases are left out on purpose: see NEVER_INDEXED. */
export const RESOURCE_KINDS: ResourceKind[] = [
  kind('Pod', 'v1', 'pods'),
  kind('Service', 'v1', 'services'),
  kind('ConfigMap', 'v1', 'configmaps'),
  kind('Secret', 'v1', 'secrets'),
  kind('ServiceAccount', 'v1', 'serviceaccounts'),
  kind('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims'),
  kind('PersistentVolume', 'v1', 'persistentvolumes', false),
  kind('Namespace', 'v1', 'namespaces', false),
  kind('Node', 'v1', 'nodes', false),
  kind('Deployment', 'apps/v1', 'deployments'),
  kind('StatefulSet', 'apps/v1', 'statefulsets'),
  kind('DaemonSet', 'apps/v1', 'daemonsets'),
  kind('ReplicaSet', 'apps/v1', 'replicasets'),
  kind('Job', 'batch/v1', 'jobs'),
  kind('CronJob', 'batch/v1', 'cronjobs'),
  kind('Ingress', 'networking.k8s.io/v1', 'ingresses'),
  kind('NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies'),
  kind('HorizontalPodAutoscaler', 'autoscaling/v2', 'horizontalpodautoscalers'),
];

/** Kinds that change every few seconds and say nothing worth searching: never indexed. */
export const NEVER_INDEXED = ['Event', 'Lease'];

/** What a source mirrors when its settings name no kinds. Secrets only when asked for. */
export const DEFAULT_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Service',
  'ConfigMap',
  'Pod',
  'Ingress',
  'CronJob',
];

export function resourceKind(name: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find((candidate) => candidate.kind === name);
}

/** The API path that lists and watches a kind, in one namespace or across all of them. */
export function resourcePath(resource: ResourceKind, namespace?: string): string {
  const root = resource.apiVersion.includes('/')
    ? `/apis/${resource.apiVersion}`
    : `/api/${resource.apiVersion}`;
  const scope =
    resource.namespaced && namespace !== undefined
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${root}${scope}/${resource.plural}`;
}
