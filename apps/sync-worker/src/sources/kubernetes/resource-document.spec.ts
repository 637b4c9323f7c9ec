import { parse } from 'yaml';
import { REDACTED, resourceDocument } from './resource-document';
import { resourceKind, resourcePath } from './resource-kinds';

const pod = {
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    uid: 'uid-1',
    labels: { app: 'web' },
    resourceVersion: '123',
    managedFields: [{ manager: 'kubelet' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{...}', team: 'blue' },
  },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', lastProbeTime: 'now' }] },
};

describe('Kubernetes resources as documents', () => {
  it('is the YAML without managedFields, resourceVersion, last-applied copies or status noise, keyed by uid', () => {
    const document = resourceDocument(pod, resourceKind('Pod')!);
    expect(document.source_uid).toBe('uid-1');
    const yaml = parse(document.text) as Record<string, unknown>;
    expect(yaml).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-1',
        namespace: 'shop',
        uid: 'uid-1',
        labels: { app: 'web' },
        annotations: { team: 'blue' },
      },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      status: { phase: 'Running' },
    });
    expect(document.metadata).toEqual({
      kind: 'Pod',
      api_version: 'v1',
      namespace: 'shop',
      name: 'web-1',
      uid: 'uid-1',
      labels: { app: 'web' },
    });
  });

  it('gives the same text when only the resourceVersion or the status details change', () => {
    const kind = resourceKind('Pod')!;
    const later = {
      ...pod,
      metadata: { ...pod.metadata, resourceVersion: '999' },
      status: { phase: 'Running', conditions: [{ type: 'Ready', lastProbeTime: 'later' }] },
    };
    expect(resourceDocument(later, kind).text).toBe(resourceDocument(pod, kind).text);
  });

  it('never puts Secret values in the text, only their keys', () => {
    const secret = {
      metadata: { name: 'db', namespace: 'shop', uid: 's-1' },
      data: { password: 'c2VjcmV0' },
      stringData: { token: 'plain' },
    };
    const text = resourceDocument(secret, resourceKind('Secret')!).text;
    expect(text).not.toContain('c2VjcmV0');
    expect(text).not.toContain('plain');
    expect(parse(text)).toMatchObject({
      data: { password: REDACTED },
      stringData: { token: REDACTED },
    });
  });

  it('lists and watches core and group kinds at their API paths, per namespace or cluster-wide', () => {
    expect(resourcePath(resourceKind('Pod')!)).toBe('/api/v1/pods');
    expect(resourcePath(resourceKind('Deployment')!, 'shop')).toBe(
      '/apis/apps/v1/namespaces/shop/deployments',
    );
    expect(resourcePath(resourceKind('Node')!, 'shop')).toBe('/api/v1/nodes');
  });
});
