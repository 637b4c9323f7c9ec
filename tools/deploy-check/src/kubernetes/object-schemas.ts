import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import { objectId, type KubernetesObject } from './kubernetes-object';

/**
 * Checks rendered objects against Kubernetes' own API schemas, as the `kubernetes-models`
 * packages carry them (core and built-in groups; prometheus-operator's CRDs from
 * `@kubernetes-models/prometheus-operator`). Two passes, because each covers what the other
 * does not:
 * - the packages' JSON-schema validators: required fields, types, formats and enums;
 * - their TypeScript declarations, with each object type-checked as an object literal: an
 *   unknown field anywhere (TypeScript's excess-property check) is an error, as it is for an
 *   API server asked for strict field validation. The JSON schemas allow unknown fields.
 */
const PROMETHEUS_OPERATOR = 'monitoring.coreos.com/';

/** The module holding the model of an object's apiVersion and kind. */
export function modelModule({ apiVersion, kind }: KubernetesObject): string {
  if (apiVersion.startsWith(PROMETHEUS_OPERATOR))
    return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/** Loads the model module an object's kind names, known only once rendered. */
const load = createRequire(__filename);

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

/** Errors per object (`Kind/name`); an object without errors is absent. */
export function schemaErrors(objects: KubernetesObject[]): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  const add = (object: KubernetesObject, message: string): void => {
    const id = objectId(object);
    errors.set(id, [...(errors.get(id) ?? []), message]);
  };
  for (const object of objects) {
    const error = validatorError(object);
    if (error) add(object, error);
  }
  for (const { object, message } of declarationErrors(objects)) add(object, message);
  return errors;
}

function validatorError(object: KubernetesObject): string | undefined {
  let model: ModelClass | undefined;
  try {
    model = (load(modelModule(object)) as Record<string, ModelClass>)[object.kind];
  } catch {
    return `no schema for ${object.apiVersion} ${object.kind}`;
  }
  if (!model) return `no schema for ${object.apiVersion} ${object.kind}`;
  try {
    new model(object).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Type-checks `const oN: I<Kind> = <object>` for every object in one in-memory program. */
function declarationErrors(
  objects: KubernetesObject[],
): { object: KubernetesObject; message: string }[] {
  // Under the repository root, so that the packages resolve from its node_modules.
  const file = join(
    dirname(require.resolve('kubernetes-models/package.json')),
    '..',
    'rendered.ts',
  );
  const starts: number[] = [];
  let source = '';
  objects.forEach((object, index) => {
    source += `import type { I${object.kind} as T${index} } from '${modelModule(object)}';\n`;
  });
  objects.forEach((object, index) => {
    starts.push(source.length);
    source += `export const o${index}: T${index} = ${JSON.stringify(object, null, 1)};\n`;
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (path) => path === file || ts.sys.fileExists(path);
  host.readFile = (path) => (path === file ? source : readFile(path));
  host.getSourceFile = (path, language, onError) =>
    path === file
      ? ts.createSourceFile(path, source, language)
      : getSourceFile(path, language, onError);
  const program = ts.createProgram([file], options, host);
  const checked = program.getSourceFile(file);
  return ts.getPreEmitDiagnostics(program, checked).map((diagnostic) => {
    const at = diagnostic.start ?? 0;
    const index = Math.max(
      0,
      starts.findLastIndex((start) => start <= at),
    );
    const path = checked ? fieldPath(checked, at, starts[index]) : '';
    // Inline CRD types are printed whole: keep the part that names the field.
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').slice(0, 240);
    return { object: objects[index], message: path ? `${path}: ${message}` : message };
  });
}

/** The JSON path of the property at `position` (e.g. `spec.template.spec.containers[0]`). */
function fieldPath(file: ts.SourceFile, position: number, objectStart: number): string {
  let node: ts.Node | undefined = findNode(file, position);
  const parts: string[] = [];
  while (node && node.getStart(file) >= objectStart) {
    const parent: ts.Node | undefined = node.parent;
    if (parent && ts.isPropertyAssignment(parent) && ts.isStringLiteral(parent.name))
      parts.unshift(parent.name.text);
    else if (parent && ts.isArrayLiteralExpression(parent))
      parts.unshift(`[${parent.elements.indexOf(node as ts.Expression)}]`);
    node = parent;
  }
  return parts.join('.').replace(/\.\[/g, '[');
}

function findNode(node: ts.Node, position: number): ts.Node {
  for (const child of node.getChildren()) {
    if (child.getStart() <= position && position < child.getEnd()) return findNode(child, position);
  }
  return node;
}
