import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@aip/platform';
import { folderImports, twoWayFolders } from './folder-imports';

const root = workspaceRoot(__dirname);
const apps = readdirSync(join(root, 'apps')).filter((app) => app !== 'platform-e2e');

describe('feature folders inside each app depend one way', () => {
  it.each(apps)('%s has no two feature folders importing each other', (app) => {
    expect(twoWayFolders(join(root, 'apps', app, 'src'))).toEqual([]);
  });

  it('sees imports between folders (so the check above is not vacuous)', () => {
    const gateway = folderImports(join(root, 'apps', 'gateway', 'src'));
    expect(gateway.some((i) => i.to === 'clients')).toBe(true);
  });
});
