import path from 'node:path';

/** Limits with safe defaults (DESIGN.md §7); a test or benchmark that changes one says so. */
export interface Limits {
  /**
   * The per-doc size cap: the largest doc (an update that would grow it further closes with 4413), and the
   * largest WebSocket message after sign-in, so that a first sync with offline work always fits.
   */
  docSizeCapBytes: number;
  /** Largest WebSocket message before sign-in (on a socket the upgrade gate refused). */
  frameBytesBeforeSignIn: number;
  /** Structs plus delete ranges in one update; applying one runs on the main thread, so this bounds its time. */
  updateMaxStructs: number;
  /** Nesting of shared types from a root, and of JSON values in content. */
  updateMaxDepth: number;
  /** Time one update's check may take in the inspection worker. */
  updateCheckMs: number;
  /** Heap of an inspection worker. */
  updateCheckMemoryMb: number;
  /** Largest JSON body on the HTTP API. */
  jsonBodyBytes: number;
  /** Deepest nesting of objects and arrays in a JSON body. */
  jsonMaxDepth: number;
  /** Largest awareness state of one client; a larger one is dropped (the socket stays open). */
  awarenessStateBytes: number;
  /** Awareness messages per second per socket forwarded; above it only the latest state goes on, at this rate. */
  awarenessPerSecond: number;
  /** Sustained content messages (sync step 2, update) per second per socket; above it the socket is slowed down. */
  updatesPerSecond: number;
  /** Seconds of backlog above `updatesPerSecond` after which the socket is closed with 4429. */
  updateBacklogSeconds: number;
  /** WebSocket upgrades per second from one remote address, sustained; above it → HTTP 429. */
  upgradesPerSecondPerAddress: number;
  /** Upgrades one remote address may make at once (a page opens a socket per doc; an office shares one address). */
  upgradeBurstPerAddress: number;
  /** A connection must send its request or upgrade, and a socket its first message, within this time. */
  idleUpgradeMs: number;
}

/** The one typed configuration object, read from the environment once at start (STYLE.md §10). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Seed a demo plan on a first start with an empty store (`DEMO=0` turns it off). */
  demo: boolean;
  /** The origin people use in their browser, for invitation links; defaults to http://HOST:PORT. */
  publicOrigin: string | undefined;
  /** Days an invitation link stays valid. */
  invitationTtlDays: number;
  /** Days a session stays valid. */
  sessionTtlDays: number;
  /** Appended records after which a doc's log is compacted while open. */
  compactAfterRecords: number;
  /** Milliseconds between heartbeats on every socket; a dead peer is ended within two (issue #9: within 30 s). */
  heartbeatMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  storage: 'embedded' | 'postgres';
  limits: Limits;
}

export const DEFAULT_LIMITS: Limits = {
  docSizeCapBytes: 8 * 1024 * 1024,
  frameBytesBeforeSignIn: 16 * 1024,
  updateMaxStructs: 250_000,
  updateMaxDepth: 100,
  updateCheckMs: 5_000,
  updateCheckMemoryMb: 256,
  jsonBodyBytes: 64 * 1024,
  jsonMaxDepth: 20,
  awarenessStateBytes: 2 * 1024,
  awarenessPerSecond: 30,
  updatesPerSecond: 50,
  updateBacklogSeconds: 10,
  upgradesPerSecondPerAddress: 20,
  upgradeBurstPerAddress: 200,
  idleUpgradeMs: 10_000,
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Reads and validates the environment. No variable is required (DESIGN.md §7); every problem is reported
 * at once so that an operator fixes them in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): ConfigResult {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const storage = env.STORAGE ?? 'embedded';
  if (storage !== 'embedded' && storage !== 'postgres') problems.push(`STORAGE must be "embedded" or "postgres" (got "${storage}")`);
  if (storage === 'postgres') problems.push('STORAGE=postgres is not available yet in this version; use the embedded store');
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) problems.push(`LOG_LEVEL must be debug, info, warn or error`);
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  if (publicOrigin !== undefined && !/^https?:\/\/[^/]+$/.test(publicOrigin)) {
    problems.push(`PUBLIC_ORIGIN must look like https://host[:port] without a path (got "${publicOrigin}")`);
  }
  const config: Config = {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    demo: env.DEMO !== '0',
    publicOrigin,
    invitationTtlDays: int('INVITATION_TTL_DAYS', 14, 1, 365),
    sessionTtlDays: int('SESSION_TTL_DAYS', 30, 1, 365),
    compactAfterRecords: int('COMPACT_AFTER_RECORDS', 1000, 1, 1_000_000),
    heartbeatMs: int('HEARTBEAT_MS', 10_000, 50, 15_000),
    logLevel: logLevel as Config['logLevel'],
    storage: storage as Config['storage'],
    limits: readLimits(int),
  };
  const { limits } = config;
  if (limits.frameBytesBeforeSignIn > limits.docSizeCapBytes) {
    problems.push(`FRAME_BYTES_BEFORE_SIGN_IN (${limits.frameBytesBeforeSignIn}) must not be larger than DOC_SIZE_CAP_BYTES (${limits.docSizeCapBytes})`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

type IntReader = (name: string, fallback: number, min: number, max: number) => number;

/** The limits (DESIGN.md §7, README "Configuration", docs/limits.md): name, default, allowed range. */
function readLimits(int: IntReader): Limits {
  const d = DEFAULT_LIMITS;
  const KiB = 1024;
  const MiB = 1024 * KiB;
  return {
    docSizeCapBytes: int('DOC_SIZE_CAP_BYTES', d.docSizeCapBytes, 64 * KiB, 256 * MiB),
    frameBytesBeforeSignIn: int('FRAME_BYTES_BEFORE_SIGN_IN', d.frameBytesBeforeSignIn, 1 * KiB, 1 * MiB),
    updateMaxStructs: int('UPDATE_MAX_STRUCTS', d.updateMaxStructs, 1_000, 10_000_000),
    updateMaxDepth: int('UPDATE_MAX_DEPTH', d.updateMaxDepth, 8, 1_000),
    updateCheckMs: int('UPDATE_CHECK_MS', d.updateCheckMs, 100, 600_000),
    updateCheckMemoryMb: int('UPDATE_CHECK_MEMORY_MB', d.updateCheckMemoryMb, 32, 16 * KiB),
    jsonBodyBytes: int('JSON_BODY_BYTES', d.jsonBodyBytes, 1 * KiB, 16 * MiB),
    jsonMaxDepth: int('JSON_MAX_DEPTH', d.jsonMaxDepth, 2, 1_000),
    awarenessStateBytes: int('AWARENESS_STATE_BYTES', d.awarenessStateBytes, 256, 64 * KiB),
    awarenessPerSecond: int('AWARENESS_PER_SECOND', d.awarenessPerSecond, 1, 10_000),
    updatesPerSecond: int('UPDATES_PER_SECOND', d.updatesPerSecond, 1, 100_000),
    updateBacklogSeconds: int('UPDATE_BACKLOG_SECONDS', d.updateBacklogSeconds, 1, 3600),
    upgradesPerSecondPerAddress: int('UPGRADES_PER_SECOND_PER_IP', d.upgradesPerSecondPerAddress, 1, 1_000_000),
    upgradeBurstPerAddress: int('UPGRADE_BURST_PER_IP', d.upgradeBurstPerAddress, 1, 1_000_000),
    idleUpgradeMs: int('IDLE_UPGRADE_MS', d.idleUpgradeMs, 100, 600_000),
  };
}
