import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ROLES, roleHasPermission, type Role } from '@aip/rbac';
import { startTestGateway, type TestGateway } from '../testing/start-gateway';
import { routeAccess, type RouteAccess } from './route-access';

interface Route {
  method: string;
  path: string;
  access: RouteAccess;
}

/** Routes mounted outside Nest controllers: the OpenAPI docs, public by design. */
const DOCS_ROUTES = /^\/docs/;

function join(...parts: (string | undefined)[]): string {
  return `/${parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter((p) => p.length > 0)
    .join('/')}`;
}

function discoverRoutes(gateway: TestGateway): Route[] {
  const reflector = gateway.app.get(Reflector);
  const scanner = new MetadataScanner();
  return new DiscoveryService(gateway.app.get(ModulesContainer))
    .getControllers()
    .flatMap((wrapper) => {
      const type = wrapper.metatype as (new () => object) | undefined;
      if (!type || !wrapper.instance) return [];
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, object>;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | undefined;
      return scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        return [path].flat().map((p) => ({
          method,
          path: join(base, p),
          access: routeAccess(reflector, [handler, type]),
        }));
      });
    });
}

function servedRoutes(gateway: TestGateway): string[] {
  const express = gateway.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .filter((layer) => layer.route !== undefined)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map(
        (method) => `${method.toUpperCase()} ${layer.route!.path}`,
      ),
    );
}

describe('gateway route access (in-process gateway, real Redis and NATS)', () => {
  let gateway: TestGateway;
  let routes: Route[];
  const keys = {} as Record<Role, string>;

  beforeAll(async () => {
    gateway = await startTestGateway();
    routes = discoverRoutes(gateway);
    for (const role of ROLES) {
      const response = await fetch(`${gateway.url}/api/v1/admin/keys`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${gateway.adminKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ role, name: `matrix-${role}` }),
      });
      const created = (await response.json()) as { key: string };
      if (!created.key)
        throw new Error(`creating a ${role} key failed: ${JSON.stringify(created)}`);
      keys[role] = created.key;
    }
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('finds every route the gateway serves among the declared handlers', () => {
    const declared = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const undeclaredServed = servedRoutes(gateway).filter(
      (route) => !declared.has(route) && !DOCS_ROUTES.test(route.split(' ')[1]),
    );
    expect(undeclaredServed).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });

  it('declares a permission, @Authenticated or @Public on every route', () => {
    expect(
      routes.filter((r) => r.access.kind === 'undeclared').map((r) => `${r.method} ${r.path}`),
    ).toEqual([]);
  });

  it('opens only health probes and the platform health without credentials', () => {
    expect(
      routes
        .filter((r) => r.access.kind === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/api/v1/health', '/health/live', '/health/ready'].sort());
  });

  it('answers each route 401 without credentials, 403 without the permission, and serves it with it', async () => {
    const matrix: string[] = [];
    for (const route of routes) {
      const url = `${gateway.url}${route.path.replace(/:(\w+)/g, 'nonexistent')}`;
      const call = (key?: string) =>
        fetch(url, {
          method: route.method,
          headers: { ...(key ? { 'X-API-Key': key } : {}), 'Content-Type': 'application/json' },
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
        }).then((r) => r.status);
      const anonymous = await call();
      if (route.access.kind === 'public') {
        matrix.push(
          `${route.method} ${route.path} anonymous ${anonymous === 401 || anonymous === 403 ? 'refused' : 'served'}`,
        );
        continue;
      }
      expect({ route: route.path, anonymous }).toEqual({ route: route.path, anonymous: 401 });
      for (const role of ROLES) {
        const status = await call(keys[role]);
        const allowed =
          route.access.kind === 'authenticated' ||
          (route.access.kind === 'permission' && roleHasPermission(role, route.access.permission));
        const outcome = status === 401 || status === 403 ? status : 'served';
        expect({ route: route.path, role, outcome }).toEqual({
          route: route.path,
          role,
          outcome: allowed ? 'served' : 403,
        });
        matrix.push(`${route.method} ${route.path} ${role} ${status}`);
      }
    }
    expect(matrix.length).toBeGreaterThan(routes.length);
  });
});
