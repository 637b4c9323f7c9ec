import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** An import from one feature folder of an app to another. */
export interface FolderImport {
  from: string;
  to: string;
  file: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The first folder under `src` a path lies in; files directly in `src` belong to none. */
function folderOf(src: string, path: string): string | undefined {
  const parts = relative(src, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Every relative import in an app's non-test sources that crosses from one feature folder to another. */
export function folderImports(src: string): FolderImport[] {
  const found: FolderImport[] = [];
  for (const file of sourceFiles(src)) {
    const from = folderOf(src, file);
    if (!from) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(src, resolve(dirname(file), match[1]));
      if (to && to !== from) found.push({ from, to, file: relative(src, file) });
    }
  }
  return found;
}

/** Pairs of folders that import each other, each with one file on either side. */
export function twoWayFolders(src: string): string[] {
  const imports = folderImports(src);
  const edge = new Map(imports.map((i) => [`${i.from}->${i.to}`, i.file]));
  const pairs: string[] = [];
  for (const { from, to, file } of imports) {
    const back = edge.get(`${to}->${from}`);
    if (back && from < to && !pairs.some((p) => p.startsWith(`${from} <-> ${to}`)))
      pairs.push(`${from} <-> ${to} (${file}; ${back})`);
  }
  return pairs;
}
