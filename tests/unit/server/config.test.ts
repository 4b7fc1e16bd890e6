import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig } from '../../../server/src/config';

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

  it('[C3] the limits of issue #9 have safe defaults', () => {
    const r = loadConfig({}, '/srv/app');
    expect(r.ok && r.config.limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toMatchObject({
      docSizeCapBytes: 8 * 1024 * 1024,
      frameBytesBeforeSignIn: 16 * 1024,
      awarenessStateBytes: 2 * 1024,
      awarenessPerSecond: 30,
      updatesPerSecond: 50,
    });
  });

  it('[C4] every limit is read from its variable, and a bad value is a start-up problem naming it', () => {
    const names = [
      'DOC_SIZE_CAP_BYTES',
      'FRAME_BYTES_BEFORE_SIGN_IN',
      'UPDATE_MAX_STRUCTS',
      'UPDATE_MAX_DEPTH',
      'UPDATE_CHECK_MS',
      'UPDATE_CHECK_MEMORY_MB',
      'JSON_BODY_BYTES',
      'JSON_MAX_DEPTH',
      'AWARENESS_STATE_BYTES',
      'AWARENESS_PER_SECOND',
      'UPDATES_PER_SECOND',
      'UPDATE_BACKLOG_SECONDS',
      'UPGRADES_PER_SECOND_PER_IP',
      'UPGRADE_BURST_PER_IP',
      'IDLE_UPGRADE_MS',
    ];
    const r = loadConfig(Object.fromEntries(names.map((n) => [n, '-1'])), '/srv/app');
    expect(r.ok).toBe(false);
    if (!r.ok) for (const name of names) expect(r.problems.some((p) => p.startsWith(`${name} must be a whole number`))).toBe(true);
    const ok = loadConfig({ UPDATE_MAX_DEPTH: '40', IDLE_UPGRADE_MS: '2500' }, '/srv/app');
    expect(ok.ok && ok.config.limits).toMatchObject({ updateMaxDepth: 40, idleUpgradeMs: 2500 });
  });

  it('[C5] a frame limit before sign-in larger than the doc cap is refused', () => {
    const r = loadConfig({ DOC_SIZE_CAP_BYTES: '65536', FRAME_BYTES_BEFORE_SIGN_IN: '131072' }, '/srv/app');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/FRAME_BYTES_BEFORE_SIGN_IN .* DOC_SIZE_CAP_BYTES/);
  });
});
