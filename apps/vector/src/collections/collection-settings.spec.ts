import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ErrorCode, UpdateCollectionRequest } from '@aip/contracts';
import { checkIndexChanges, configDiff, settingsOf } from './collection-settings';

const update = (body: Record<string, unknown>) =>
  plainToInstance(UpdateCollectionRequest, { name: 'docs', ...body });

const problems = (body: Record<string, unknown>) =>
  validateSync(update(body), { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...(e.children ?? []).flatMap((c) => Object.values(c.constraints ?? {})),
  ]);

describe('collection settings', () => {
  it('reads HNSW, indexing threshold and quantization from a Qdrant collection config', () => {
    expect(
      settingsOf({
        hnsw_config: { m: 16, ef_construct: 100 },
        optimizer_config: { indexing_threshold: 10_000 },
        quantization_config: { scalar: { type: 'int8' } },
      }),
    ).toEqual({
      hnsw_config: { m: 16, ef_construct: 100 },
      optimizers_config: { indexing_threshold: 10_000 },
      quantization: 'scalar',
    });
    expect(settingsOf({ quantization_config: null }).quantization).toBe('none');
  });

  it('turns an update into the PATCH body Qdrant takes', () => {
    expect(
      configDiff(
        update({
          hnsw_config: { m: 32 },
          optimizers_config: { indexing_threshold: 0 },
          quantization: 'scalar',
        }),
      ),
    ).toEqual({
      hnsw_config: { m: 32 },
      optimizers_config: { indexing_threshold: 0 },
      quantization_config: { scalar: { type: 'int8', quantile: 0.99, always_ram: true } },
    });
    expect(configDiff(update({ quantization: 'none' }))).toEqual({
      quantization_config: 'Disabled',
    });
    expect(configDiff(update({ add_payload_indexes: { topic: 'keyword' } }))).toEqual({});
  });

  it('refuses settings out of bounds with messages naming the field and the limit', () => {
    expect(problems({ hnsw_config: { m: 1000 } })).toEqual(['hnsw_config.m must be at most 128']);
    expect(problems({ hnsw_config: { ef_construct: 2 } })).toEqual([
      'hnsw_config.ef_construct must be at least 4',
    ]);
    expect(problems({ quantization: 'product' })[0]).toContain('quantization must be one of');
    expect(problems({ add_payload_indexes: { topic: 'words' } })[0]).toContain(
      'add_payload_indexes must map at most 64 field names',
    );
    expect(problems({ hnsw_config: { m: 8, extra: 1 } })).toEqual([
      'property extra should not exist',
    ]);
  });

  it('refuses an empty update, the tenant index, unknown indexes and a field both added and removed', () => {
    const indexed = ['tenant_id', 'topic'];
    const code = (body: Record<string, unknown>) => {
      try {
        checkIndexChanges(update(body), indexed);
        return 'accepted';
      } catch (error) {
        return `${(error as { code: string }).code}: ${(error as Error).message}`;
      }
    };
    expect(code({})).toMatch(/^VALIDATION_FAILED: Nothing to update/);
    expect(code({ remove_payload_indexes: ['tenant_id'] })).toMatch(
      /^VALIDATION_FAILED: The tenant_id index/,
    );
    expect(code({ remove_payload_indexes: ['colour'] })).toBe(
      `${ErrorCode.NotFound}: No payload index on colour; indexed fields: tenant_id, topic`,
    );
    expect(
      code({ add_payload_indexes: { topic: 'keyword' }, remove_payload_indexes: ['topic'] }),
    ).toMatch(/both added and removed: topic/);
    expect(code({ remove_payload_indexes: ['topic'], hnsw_config: { m: 8 } })).toBe('accepted');
  });
});
