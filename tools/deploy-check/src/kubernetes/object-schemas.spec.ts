import type { KubernetesObject } from './kubernetes-object';
import { schemaErrors } from './object-schemas';

const deployment = (spec: object): KubernetesObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec,
});
const pod = (container: object): object => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'web:1', ...container }] },
});
const selector = { matchLabels: { app: 'web' } };

describe('schemaErrors (Kubernetes API schemas of kubernetes-models)', () => {
  it('passes objects as the API server would take them', () => {
    const service: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
    };
    const web = deployment({ selector, template: pod({ resources: { limits: { cpu: 1 } } }) });
    expect(Object.fromEntries(schemaErrors([web, service]))).toEqual({});
  });

  it('refuses an unknown field deep inside a pod template', () => {
    const errors = schemaErrors([deployment({ selector, template: pod({ imagePolicy: 'x' }) })]);
    expect(errors.get('Deployment/web')?.join('\n')).toContain(
      'spec.template.spec.containers[0].imagePolicy: Object literal may only specify known properties',
    );
  });

  it('refuses a wrong type and a missing required field', () => {
    const errors = schemaErrors([deployment({ replicas: 'two', template: pod({}) })]);
    const text = errors.get('Deployment/web')?.join('\n');
    expect(text).toContain('spec/replicas must be integer');
    expect(text).toContain('must have required property selector');
  });

  it("checks prometheus-operator's ServiceMonitor too", () => {
    const monitor: KubernetesObject = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'web' },
      spec: { selector, endpoints: [{ port: 'http', intervall: '30s' }] },
    };
    expect(schemaErrors([monitor]).get('ServiceMonitor/web')?.join('\n')).toContain(
      'spec.endpoints[0].intervall',
    );
  });

  it('says when a kind has no schema, instead of passing it', () => {
    const unknown: KubernetesObject = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
    };
    expect(schemaErrors([unknown]).get('Widget/w')?.[0]).toContain('no schema for example.com/v1');
  });
});
