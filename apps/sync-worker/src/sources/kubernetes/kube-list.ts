import { request as httpRequest, type Agent } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { KubeResource } from './resource-document';

/** Items per list page: big clusters are listed in pages, as kubectl does. */
export const LIST_PAGE_SIZE = 500;
/** How long one list page may take. */
export const LIST_TIMEOUT_MS = 30_000;

export interface ResourceList {
  metadata: { resourceVersion?: string };
  items: KubeResource[];
}

/** An API error keeps its HTTP status, which is how ListWatch recognises 410 Gone. */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

export interface RequestAuth {
  headers: Record<string, string>;
  agent?: Agent;
}

function getJson(url: URL, auth: RequestAuth): Promise<unknown> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { headers: { ...auth.headers, Accept: 'application/json' }, agent: auth.agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status !== 200) {
            reject(
              new KubeApiError(
                `GET ${url.pathname} answered ${status}: ${body.slice(0, 200)}`,
                status,
              ),
            );
            return;
          }
          try {
            resolve(JSON.parse(body));
          } catch {
            reject(
              new KubeApiError(`GET ${url.pathname} answered a body that is not JSON`, status),
            );
          }
        });
      },
    );
    request.setTimeout(LIST_TIMEOUT_MS, () => request.destroy(new Error('list timed out')));
    request.on('error', reject);
    request.end();
  });
}

/** Lists every resource at a path, page by page; the resourceVersion is the first page's. */
export async function listAll(
  server: string,
  path: string,
  auth: RequestAuth,
  labelSelector?: string,
): Promise<ResourceList> {
  const items: KubeResource[] = [];
  let resourceVersion: string | undefined;
  let next: string | undefined;
  do {
    const url = new URL(server.replace(/\/$/, '') + path);
    url.searchParams.set('limit', String(LIST_PAGE_SIZE));
    if (next !== undefined) url.searchParams.set('continue', next);
    if (labelSelector !== undefined) url.searchParams.set('labelSelector', labelSelector);
    const page = (await getJson(url, auth)) as {
      metadata?: { resourceVersion?: string; continue?: string };
      items?: KubeResource[];
    };
    items.push(...(page.items ?? []));
    resourceVersion ??= page.metadata?.resourceVersion;
    next = page.metadata?.continue || undefined;
  } while (next !== undefined);
  return { metadata: { resourceVersion }, items };
}
