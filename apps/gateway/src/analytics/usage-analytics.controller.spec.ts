import type { Principal } from '@aip/rbac';
import { TestRedis } from '../testing/test-redis';
import { UsageService } from '../usage/usage.service';
import { UsageAnalyticsController } from './usage-analytics.controller';
import { testPrincipal } from '../testing/test-principal';

const caller = (tenant?: string): Principal => testPrincipal('operator', { tenant });

describe('UsageAnalyticsController (usage per key on real Redis)', () => {
  const testRedis = new TestRedis();
  const usage = new UsageService(testRedis.redis);
  const controller = new UsageAnalyticsController(usage);
  const [operator, tenantKey, otherTenantKey] = [caller(), caller('acme'), caller('globex')];

  beforeAll(() => {
    usage.record(operator.id, false, 0.01);
    usage.record(tenantKey.id, true, 0.02, 9);
    usage.record(otherTenantKey.id, false, 0.03);
  });

  afterAll(async () => {
    await testRedis.cleanup();
  });

  it('shows a caller without a tenant every key', async () => {
    const { keys } = await controller.report(operator);
    expect(keys.map((k) => k.key_id).sort()).toEqual(
      [operator.id, tenantKey.id, otherTenantKey.id].sort(),
    );
  });

  it('shows a tenant key only itself', async () => {
    await expect(controller.report(tenantKey)).resolves.toEqual({
      keys: [{ key_id: tenantKey.id, requests: 1, errors: 1, tokens: 9, avg_latency_ms: 20 }],
    });
  });
});
