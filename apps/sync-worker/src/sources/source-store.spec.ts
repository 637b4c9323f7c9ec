import { maskSecrets } from './source-store';

describe('source settings as shown to callers', () => {
  it('masks the password of a connection URL and leaves everything else', () => {
    expect(
      maskSecrets({ connection: 'postgresql://app:hunter2@db:5432/docs', table: 't' }),
    ).toEqual({
      connection: 'postgresql://app:***@db:5432/docs',
      table: 't',
    });
    expect(maskSecrets({ connection: 'postgresql://postgres@db/docs' })).toEqual({
      connection: 'postgresql://postgres@db/docs',
    });
    expect(maskSecrets({ path: '/srv/docs' })).toEqual({ path: '/srv/docs' });
  });
});
