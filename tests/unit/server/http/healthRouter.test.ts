import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthState } from '../../../../server/src/health';
import { healthRouter } from '../../../../server/src/http/healthRouter';

describe('GET /healthz (DESIGN.md §7)', () => {
  const servers: import('node:http').Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  async function serve(health: HealthState): Promise<string> {
    const app = express().use(healthRouter(health));
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  }

  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('[D60] 503 while starting (before the demo invitations exist), then 200 ok', async () => {
    const health = new HealthState();
    const url = await serve(health);
    expect(await get(url)).toEqual({ status: 503, body: { ok: false, reason: 'starting' } });
    health.markStarted();
    expect(await get(url)).toEqual({ status: 200, body: { ok: true } });
  });

  it('[D60] 200 with the degraded plans that the store reports, in the exact shape; cleared when writes resume', async () => {
    const health = new HealthState();
    health.markStarted();
    const url = await serve(health);
    const watcher = health.storageWatcher();
    watcher.quarantined('A', 'gezamenlijk');
    watcher.quarantined('A', 'professioneel');
    watcher.writesRefused('B');
    expect(await get(url)).toEqual({
      status: 200,
      body: { ok: true, degraded: [{ planId: 'A', reason: 'storage_corrupt' }, { planId: 'B', reason: 'storage_refusing_writes' }] },
    });
    watcher.writesResumed('B');
    expect((await get(url)).body).toEqual({ ok: true, degraded: [{ planId: 'A', reason: 'storage_corrupt' }] });
  });
});
