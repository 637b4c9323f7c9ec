import { waitFor } from '@aip/platform';

/** A response as the e2e tests look at it: status, headers and parsed JSON body. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function httpJson<T = Record<string, unknown>>(
  url: string,
  init: RequestInit = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Non-JSON bodies (Prometheus text, HTML docs) stay strings.
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export interface ErrorBodyShape {
  error: { code: string; message: string; details?: Record<string, unknown> };
  requestId: string;
}

export interface PlatformHealthShape {
  status: string;
  services: Record<string, { status: string; version?: string; latencyMs: number; error?: string }>;
}

/** Polls the gateway's `/api/v1/health` until it answers `status`. */
export function waitForPlatformHealth<T = PlatformHealthShape>(
  gatewayUrl: string,
  status: 200 | 503,
  timeoutMs: number,
): Promise<JsonResponse<T>> {
  return waitFor(
    async () => {
      const response = await httpJson<T>(`${gatewayUrl}/api/v1/health`);
      return response.status === status ? response : undefined;
    },
    { timeoutMs, intervalMs: 100, what: `/api/v1/health to answer ${status}` },
  );
}
