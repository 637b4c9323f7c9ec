// Run by the platform chart's snapshot CronJob: on every Qdrant node, snapshot each collection
// and delete all but the newest SNAPSHOT_KEEP snapshots of it. Snapshots of a distributed Qdrant
// are per node, so the nodes are the addresses of SNAPSHOT_QDRANT_NODES_HOST (the headless
// service) when it is set, else SNAPSHOT_QDRANT_URL alone. Any failure exits non-zero, so the
// Job is marked failed and retried.
/* global process, console, fetch, URL, AbortSignal */
'use strict';

const dns = require('node:dns/promises');

const REQUEST_TIMEOUT_MS = 10 * 60 * 1000;
const baseUrl = new URL(process.env.SNAPSHOT_QDRANT_URL);
const keep = Number(process.env.SNAPSHOT_KEEP);
const headers = process.env.SNAPSHOT_QDRANT_API_KEY
  ? { 'api-key': process.env.SNAPSHOT_QDRANT_API_KEY }
  : {};

async function call(node, method, path) {
  const response = await fetch(new URL(path, node), {
    method,
    headers,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    throw new Error(
      `${method} ${new URL(path, node)}: ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()).result;
}

async function nodes() {
  const host = process.env.SNAPSHOT_QDRANT_NODES_HOST;
  if (!host) return [baseUrl.href];
  const addresses = await dns.resolve4(host);
  return addresses.map((address) => `${baseUrl.protocol}//${address}:${baseUrl.port || 6333}/`);
}

async function snapshotNode(node) {
  const { collections } = await call(node, 'GET', '/collections');
  for (const { name } of collections) {
    const collection = encodeURIComponent(name);
    const created = await call(node, 'POST', `/collections/${collection}/snapshots?wait=true`);
    const snapshots = await call(node, 'GET', `/collections/${collection}/snapshots`);
    const newestFirst = snapshots.sort((a, b) =>
      (b.creation_time ?? '').localeCompare(a.creation_time ?? ''),
    );
    const old = newestFirst.slice(keep).filter((snapshot) => snapshot.name !== created.name);
    for (const snapshot of old) {
      const path = `/collections/${collection}/snapshots/${encodeURIComponent(snapshot.name)}`;
      await call(node, 'DELETE', `${path}?wait=true`);
    }
    console.log(
      JSON.stringify({ node, collection: name, created: created.name, deleted: old.length }),
    );
  }
}

async function main() {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('SNAPSHOT_KEEP must be an integer >= 1');
  for (const node of await nodes()) await snapshotNode(node);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
