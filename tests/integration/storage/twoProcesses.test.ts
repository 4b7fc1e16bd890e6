import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../../helpers/spawnServer';

describe('one server per data directory (issue #9)', () => {
  it('[D30] a second server process on the same data directory refuses to start with a clear message; the first keeps serving', async () => {
    const first = await spawnServer();
    try {
      const second = await spawnServer({ dataDir: first.dataDir }).then(
        async (server) => {
          await server.stop();
          return undefined;
        },
        (error: unknown) => error as Error,
      );
      expect(second?.message).toMatch(/server exited 1/);
      expect(second?.message).toContain(`Een andere Gezinsplan-server gebruikt deze datamap (pid ${first.proc.pid})`);
      expect(second?.message).toContain(`Another Gezinsplan server uses this data directory (pid ${first.proc.pid})`);
      expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
    } finally {
      await first.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
