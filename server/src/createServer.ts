import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CloseCode } from '../../shared/src/protocol/closeCodes';
import type { Config } from './config';
import { StorageCorrupt } from './errors';
import { AuditTrail } from './audit/auditTrail';
import { DegradedReason, HealthState } from './health';
import { createApp } from './http/createApp';
import { closeIdleConnections } from './http/idleConnections';
import type { Logger } from './log';
import { loadTemplates } from './plans/templateCatalog';
import { CLIENT_DIST_DIR, TEMPLATES_DIR } from './repoPaths';
import { RightsService } from './rights/rightsService';
import { seedDemoPlan, withUrls, type DemoInvitation } from './seed/seedDemoPlan';
import { replaceFileDurably } from './storage/embedded/durableFs';
import type { FileOps } from './storage/embedded/fileOps';
import { openEmbeddedStore } from './storage/embedded/openEmbeddedStore';
import type { RetryTiming } from './storage/embedded/writeRetry';
import { PlanConnections } from './sync/planConnections';
import { RoomRegistry } from './sync/roomRegistry';
import { createUpgradeGate } from './sync/upgradeGate';

/** A running Gezinsplan server: app, API and sync on one port. */
export interface RunningServer {
  /** The origin it listens on, e.g. http://127.0.0.1:3000. */
  origin: string;
  port: number;
  /** The demo invitations created on this start (empty when the store already held a plan). */
  demoInvitations: DemoInvitation[];
  close(): Promise<void>;
}

/** Options for tests and tools; `npm start` passes none. */
export interface StartOptions {
  clientDist?: string;
  /** File operations for the store; tests pass a fault injector (tests/helpers/faultyFileOps.ts). */
  fileOps?: FileOps;
  /** How often the store tries a write the disk refused again. */
  retryTiming?: RetryTiming;
}

/**
 * Wires storage, HTTP and sync together and starts listening (STYLE.md §9: a factory, no singletons).
 * The demo plan and its invitation file exist before /healthz answers 200 (DESIGN.md §7).
 */
export async function startServer(config: Config, log: Logger, options: StartOptions = {}): Promise<RunningServer> {
  // A broken template stops the start before the data directory is locked.
  const templates = await loadTemplates(TEMPLATES_DIR);
  const health = new HealthState();
  const store = await openEmbeddedStore({
    dataDir: config.dataDir,
    log: log.child('storage'),
    watcher: health.storageWatcher(),
    ...(options.fileOps ? { fileOps: options.fileOps } : {}),
    ...(options.retryTiming ? { retryTiming: options.retryTiming } : {}),
  });
  const seeded = config.demo ? await seedDemoPlan(store, templates, config, log.child('seed')) : undefined;

  const rooms = new RoomRegistry(store.docs, log.child('rooms'), {
    compactAfterRecords: config.compactAfterRecords,
    onLoadFailed: (planId, error) => {
      if (error instanceof StorageCorrupt) health.markDegraded({ planId, reason: DegradedReason.storageCorrupt });
    },
  });
  const audit = new AuditTrail(store.audit, log.child('audit'));
  const connections = new PlanConnections();
  const rights = new RightsService(store.meta, connections, log.child('rights'));
  const app = createApp({ config, store, templates, rooms, rights, audit, health, log: log.child('http'), clientDist: options.clientDist ?? CLIENT_DIST_DIR });
  const server = http.createServer(app);
  const gate = createUpgradeGate({ config, meta: store.meta, rooms, rights, connections, audit, log: log.child('sync') });
  server.on('upgrade', gate.onUpgrade);
  closeIdleConnections(server, config.limits.idleUpgradeMs);
  // Not up before every update can be checked (issue #9).
  await gate.ready();

  const address = await listen(server, config.host, config.port);
  const origin = config.publicOrigin ?? `http://${urlHost(config.host)}:${address.port}`;
  const demoInvitations = seeded ? withUrls(seeded, origin) : [];
  if (seeded) {
    const file = path.join(config.dataDir, 'demo-invitations.json');
    await replaceFileDurably(file, `${file}.tmp`, `${JSON.stringify(demoInvitations, null, 2)}\n`);
  }
  health.markStarted();
  log.info('server.listening', { port: address.port });

  return {
    origin,
    port: address.port,
    demoInvitations,
    async close() {
      await gate.close();
      // On a full disk, writes waiting for space would keep the rooms from unloading: give them up (their
      // senders got no `saved` and keep the changes).
      store.stopRetrying();
      await rooms.closeAll(CloseCode.serverError, 'shutdown');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Records still queued would be lost with the store.
      await audit.flush();
      await store.close();
    },
  };
}

function listen(server: http.Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
