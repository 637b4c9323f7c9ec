import type { KubernetesObject } from './kubernetes-object';
import { danglingReferences } from './references';

const object = (kind: string, name: string, rest: object = {}): KubernetesObject => ({
  apiVersion: kind === 'ServiceMonitor' ? 'monitoring.coreos.com/v1' : 'v1',
  kind,
  metadata: { name },
  ...rest,
});
const web = object('Deployment', 'web', {
  spec: {
    template: {
      spec: {
        serviceAccountName: 'web',
        containers: [
          {
            name: 'web',
            env: [
              { name: 'KEY', valueFrom: { secretKeyRef: { name: 'web-key', key: 'k' } } },
              {
                name: 'OPT',
                valueFrom: { secretKeyRef: { name: 'maybe', key: 'k', optional: true } },
              },
              { name: 'DB', value: 'postgres://db.data.svc.cluster.local:5432/app' },
              { name: 'API', value: 'https://api.example.com/v1' },
            ],
            envFrom: [{ configMapRef: { name: 'web' } }],
          },
        ],
        volumes: [{ name: 'models', persistentVolumeClaim: { claimName: 'models' } }],
      },
    },
  },
});
const targets = (objects: KubernetesObject[], provided?: string[]): string[] =>
  danglingReferences(objects, provided).map((reference) => reference.target);

describe('danglingReferences', () => {
  it('lists what a pod names that nothing renders, skipping optional keys and outside hosts', () => {
    expect(targets([web]).sort()).toEqual([
      'ConfigMap/web',
      'PersistentVolumeClaim/models',
      'Secret/web-key',
      'Service/db',
      'ServiceAccount/web',
    ]);
  });

  it('is empty once the release renders them or the operator provides them', () => {
    const rendered = ['ConfigMap/web', 'ServiceAccount/web', 'Service/db'].map((id) =>
      object(id.split('/')[0], id.split('/')[1]),
    );
    expect(targets([web, ...rendered], ['Secret/web-key', 'PersistentVolumeClaim/models'])).toEqual(
      [],
    );
  });

  it('finds the Service a ServiceMonitor selects by labels, and its credentials', () => {
    const monitor = object('ServiceMonitor', 'web', {
      spec: {
        selector: { matchLabels: { app: 'web' } },
        endpoints: [{ port: 'http', authorization: { credentials: { name: 'scrape', key: 'k' } } }],
      },
    });
    expect(targets([monitor])).toEqual(['Secret/scrape', 'Service/{selector {"app":"web"}}']);
    const service = object('Service', 'web', {});
    service.metadata.labels = { app: 'web', tier: 'api' };
    expect(targets([monitor, service], ['Secret/scrape'])).toEqual([]);
  });
});
