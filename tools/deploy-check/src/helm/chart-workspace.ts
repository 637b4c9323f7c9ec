import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SERVICE_APPS } from '../repo-facts';
import { Helm } from './helm';
import { helmBinary } from './helm-binary';

/** The third-party charts of the umbrella, written here as labelled stand-ins. */
export const STAND_IN_CHARTS = ['qdrant', 'nats', 'redis'] as const;
const STAND_INS = join(ROOT, 'tools', 'deploy-check', 'stand-in-charts');

/**
 * A copy of k8s/charts in a temporary folder, made ready the way an operator would:
 * `helm dependency build` for each service chart (its library chart is a file:// dependency),
 * and for the umbrella the five service charts packaged into its charts/ folder beside the
 * stand-ins for Qdrant, NATS and Redis (their repositories are out of reach here).
 */
export class ChartWorkspace {
  private constructor(
    readonly helm: Helm,
    private readonly dir: string,
  ) {}

  static async create(): Promise<ChartWorkspace> {
    const dir = mkdtempSync(join(tmpdir(), `aip-charts-${process.pid}-`));
    cpSync(join(ROOT, 'k8s', 'charts'), join(dir, 'charts'), { recursive: true });
    const workspace = new ChartWorkspace(new Helm(await helmBinary(), join(dir, 'helm-home')), dir);
    await workspace.prepare();
    return workspace;
  }

  /** Path of a chart (or a file in it) inside the workspace. */
  chart(name: string, ...file: string[]): string {
    return join(this.dir, 'charts', name, ...file);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async prepare(): Promise<void> {
    const umbrellaCharts = this.chart('platform', 'charts');
    for (const app of SERVICE_APPS) {
      await this.must(['dependency', 'build', this.chart(app)]);
      await this.must(['package', this.chart(app), '--destination', umbrellaCharts]);
    }
    for (const name of STAND_IN_CHARTS) {
      await this.must(['package', join(STAND_INS, name), '--destination', umbrellaCharts]);
    }
  }

  private async must(args: string[]): Promise<void> {
    const result = await this.helm.run(args);
    if (!result.ok) throw new Error(`helm ${args.join(' ')}: ${result.output}`);
  }
}
