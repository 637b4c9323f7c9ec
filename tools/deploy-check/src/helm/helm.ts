import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { KubernetesObject } from '../kubernetes/kubernetes-object';

const run = promisify(execFile);

/** One way to render a chart: the values files and `--set` flags an operator would pass. */
export interface ValuesChoice {
  files?: string[];
  set?: string[];
}

export interface HelmResult {
  ok: boolean;
  output: string;
}

/** helm with a private home (no repositories, cache or plugins of the machine's user). */
export class Helm {
  constructor(
    private readonly binary: string,
    private readonly home: string,
  ) {}

  async run(args: string[]): Promise<HelmResult> {
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.home,
      HELM_CACHE_HOME: `${this.home}/cache`,
      HELM_CONFIG_HOME: `${this.home}/config`,
      HELM_DATA_HOME: `${this.home}/data`,
      KUBECONFIG: `${this.home}/no-cluster`,
    };
    try {
      const { stdout, stderr } = await run(this.binary, args, { env, maxBuffer: 64 << 20 });
      return { ok: true, output: stdout + stderr };
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
    }
  }

  /** `helm template`: the objects, or the error helm printed. */
  async template(
    release: string,
    chart: string,
    values: ValuesChoice,
  ): Promise<{ objects: KubernetesObject[] } | { error: string }> {
    const result = await this.run(['template', release, chart, ...valueArgs(values)]);
    if (!result.ok) return { error: result.output };
    const objects = parseAllDocuments(result.output)
      .map((doc) => {
        if (doc.errors.length > 0) throw new Error(`helm rendered invalid YAML: ${doc.errors[0]}`);
        return doc.toJS() as KubernetesObject | null;
      })
      .filter((object): object is KubernetesObject => object !== null);
    return { objects };
  }

  lint(chart: string, values: ValuesChoice): Promise<HelmResult> {
    return this.run(['lint', '--strict', chart, ...valueArgs(values)]);
  }
}

const valueArgs = ({ files = [], set = [] }: ValuesChoice): string[] => [
  ...files.flatMap((file) => ['-f', file]),
  ...set.flatMap((flag) => ['--set', flag]),
];
