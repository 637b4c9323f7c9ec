import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

/** Facts about the repository that the deployment files must agree with, read from sources. */
export const ROOT = join(__dirname, '..', '..', '..');
export const SERVICE_APPS = ['gateway', 'inference', 'embedding', 'vector', 'sync-worker'] as const;

export const read = (...path: string[]): string => readFileSync(join(ROOT, ...path), 'utf8');
export const readYaml = <T = Record<string, unknown>>(...path: string[]): T =>
  parse(read(...path), { merge: true }) as T;

/** Every file under `dir` (relative to the root), skipping node_modules. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(ROOT, full));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

const CONFIG_FILES: Record<string, string> = {
  gateway: 'apps/gateway/src/config/gateway.config.ts',
  inference: 'apps/inference/src/config/inference.config.ts',
  embedding: 'apps/embedding/src/config/embedding.config.ts',
  vector: 'apps/vector/src/config/vector.config.ts',
  'sync-worker': 'apps/sync-worker/src/config/sync-worker.config.ts',
  'vector-engine': 'apps/vector-engine/src/config/vector-engine.config.ts',
};
const BASE_CONFIG = 'libs/platform/src/config/base.config.ts';

/** `NAME = default` (or `NAME: type = default`) fields of each class in a config source. */
function configClasses(
  source: string,
): Map<string, { parent?: string; fields: Map<string, string> }> {
  const classes = new Map<string, { parent?: string; fields: Map<string, string> }>();
  const classPattern = /export class (\w+)(?: extends (\w+))? \{([\s\S]*?)\n\}/g;
  for (const [, name, parent, body] of source.matchAll(classPattern)) {
    const fields = new Map<string, string>();
    for (const [, field, value] of body.matchAll(
      /^ {2}([A-Z][A-Z0-9_]*)(?::[^=\n]+)? = (.+);$/gm,
    )) {
      fields.set(field, value.trim());
    }
    classes.set(name, { parent, fields });
  }
  return classes;
}

/** The environment variables an app reads, with their defaults as written in the source. */
export function appSettings(app: string): Map<string, string> {
  const classes = new Map([
    ...configClasses(read(BASE_CONFIG)),
    ...configClasses(read(CONFIG_FILES[app])),
  ]);
  const appClass = [...configClasses(read(CONFIG_FILES[app])).keys()].find((name) =>
    name.endsWith('Config'),
  );
  const settings = new Map<string, string>();
  for (let name = appClass; name !== undefined; name = classes.get(name)?.parent) {
    const found = classes.get(name);
    if (!found) throw new Error(`config class ${name} of ${app} not found`);
    for (const [field, value] of found.fields) if (!settings.has(field)) settings.set(field, value);
  }
  return settings;
}

/** The app's port variable (the `*_PORT` setting) and its default. */
export function appPort(app: string): { variable: string; port: number } {
  const ports = [...appSettings(app)].filter(([name]) => name.endsWith('_PORT'));
  if (ports.length !== 1) throw new Error(`${app}: expected one *_PORT setting`);
  return { variable: ports[0][0], port: Number(ports[0][1]) };
}

/** The workspace libs an app's tsconfig references, i.e. the lib folders its build needs. */
export function appLibs(app: string): string[] {
  const tsconfig = JSON.parse(read('apps', app, 'tsconfig.json')) as {
    references?: { path: string }[];
  };
  return (tsconfig.references ?? []).map((ref) => ref.path.replace('../../libs/', ''));
}

/** Package names imported (static, dynamic or required) by the sources of an app and its libs. */
export function importedPackages(app: string): Set<string> {
  const folders = [
    join('apps', app, 'src'),
    ...appLibs(app).map((lib) => join('libs', lib, 'src')),
  ];
  const found = new Set<string>();
  for (const folder of folders) {
    for (const file of filesUnder(folder).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'),
    )) {
      for (const [, spec] of read(file).matchAll(/(?:from |import\(|require\()'([^'.][^']*)'/g)) {
        const parts = spec.split('/');
        found.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
      }
    }
  }
  return found;
}

/** Names of the Prometheus metrics the apps and libs register. */
export function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const dir of ['apps', 'libs']) {
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.ts') && f.includes('/src/'))) {
      for (const [, name] of read(file).matchAll(/['"`](aip_[a-z0-9_]+)['"`]/g)) names.add(name);
    }
  }
  return names;
}

export const exists = (...path: string[]): boolean => existsSync(join(ROOT, ...path));
