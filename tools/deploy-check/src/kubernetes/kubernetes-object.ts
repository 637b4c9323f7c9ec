/** A rendered Kubernetes object, as parsed from helm's output. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export const objectId = (object: KubernetesObject): string =>
  `${object.kind}/${object.metadata.name}`;
