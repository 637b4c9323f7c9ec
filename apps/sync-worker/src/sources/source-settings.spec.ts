import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { checkSettings } from './source-factory';

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  expect((error as PlatformError).code).toBe(ErrorCode.ValidationFailed);
  return (error as PlatformError).message;
}

describe('source settings are checked per kind, naming the field and its limit', () => {
  it('kubernetes: refuses Events and Leases, unknown fields, and Secrets unless asked for', async () => {
    expect(await refusal(checkSettings('kubernetes', { kinds: ['Event'] }))).toContain(
      'Event and Lease are never indexed',
    );
    expect(await refusal(checkSettings('kubernetes', { namespace: 'x' }))).toContain(
      'settings.namespace',
    );
    expect(await refusal(checkSettings('kubernetes', { kinds: ['Secret'] }))).toContain(
      'settings.include_secrets',
    );
    await expect(
      checkSettings('kubernetes', { kinds: ['Secret'], include_secrets: true }),
    ).resolves.toBeUndefined();
    await expect(checkSettings('kubernetes', {})).resolves.toBeUndefined();
  });

  it('postgres: needs a connection, a table or a query (not both), a template naming a column, a sane poll interval', async () => {
    const base = {
      connection: 'postgresql://postgres@127.0.0.1/test',
      table: 'docs',
      template: '{{body}}',
    };
    await expect(checkSettings('postgres', base)).resolves.toBeUndefined();
    expect(await refusal(checkSettings('postgres', { ...base, template: 'no columns' }))).toContain(
      'settings.template must name at least one column',
    );
    expect(await refusal(checkSettings('postgres', { ...base, poll_interval_ms: 10 }))).toContain(
      'settings.poll_interval_ms must be at least 100',
    );
    expect(await refusal(checkSettings('postgres', { ...base, query: 'SELECT 1' }))).toContain(
      'table or query, not both',
    );
    expect(
      await refusal(
        checkSettings('postgres', { ...base, table: undefined, query: 'DELETE FROM x' }),
      ),
    ).toContain('settings.query must be one SELECT');
    expect(
      await refusal(checkSettings('postgres', { ...base, connection: 'mysql://x' })),
    ).toContain('settings.connection must be a postgres:// URL');
  });

  it('directory: needs an absolute path to an existing folder', async () => {
    expect(await refusal(checkSettings('directory', { path: 'relative/dir' }))).toContain(
      'settings.path must be an absolute folder path',
    );
    expect(await refusal(checkSettings('directory', { path: '/no/such/folder' }))).toContain(
      'settings.path /no/such/folder is not a folder',
    );
    const folder = mkdtempSync(join(tmpdir(), 'aip-settings-'));
    await expect(checkSettings('directory', { path: folder })).resolves.toBeUndefined();
    expect(
      await refusal(checkSettings('directory', { path: folder, max_file_bytes: 1e9 })),
    ).toContain('settings.max_file_bytes must be at most');
  });
});
