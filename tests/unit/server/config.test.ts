import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config';

describe('config', () => {
  it('[C1] needs no variable at all', () => {
    const r = loadConfig({ NODE_ENV: 'production' }, '/srv/app');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.config).toMatchObject({ host: '127.0.0.1', port: 3000, demo: true, storage: 'embedded' });
  });

  it('[C2] reports every problem at once', () => {
    const r = loadConfig({ PORT: 'abc', STORAGE: 'mongo', PUBLIC_ORIGIN: 'http://x/path', DOC_SIZE_CAP_BYTES: '5' }, '/srv/app');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toHaveLength(4);
  });
});
