import path from 'node:path';

/** Limits with safe defaults (DESIGN.md §7); a test or benchmark that changes one says so. */
export interface Limits {
  /** Largest WebSocket message after sign-in: the per-doc size cap, so a first sync with offline work fits. */
  docSizeCapBytes: number;
  /** Largest JSON body on the HTTP API. */
  jsonBodyBytes: number;
  /** Largest awareness state of one client. */
  awarenessStateBytes: number;
  /** Awareness messages per second per socket forwarded; above it only the latest state goes on, at this rate. */
  awarenessPerSecond: number;
  /** Sustained content messages (sync step 2, update) per second per socket; above it the socket is slowed down. */
  updatesPerSecond: number;
  /** Seconds of backlog above `updatesPerSecond` after which the socket is closed with 4429. */
  updateBacklogSeconds: number;
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
  jsonBodyBytes: 64 * 1024,
  awarenessStateBytes: 2 * 1024,
  awarenessPerSecond: 30,
  updatesPerSecond: 50,
  updateBacklogSeconds: 10,
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
    limits: {
      docSizeCapBytes: int('DOC_SIZE_CAP_BYTES', DEFAULT_LIMITS.docSizeCapBytes, 64 * 1024, 256 * 1024 * 1024),
      jsonBodyBytes: int('JSON_BODY_BYTES', DEFAULT_LIMITS.jsonBodyBytes, 1024, 16 * 1024 * 1024),
      awarenessStateBytes: int('AWARENESS_STATE_BYTES', DEFAULT_LIMITS.awarenessStateBytes, 256, 64 * 1024),
      awarenessPerSecond: int('AWARENESS_PER_SECOND', DEFAULT_LIMITS.awarenessPerSecond, 1, 10_000),
      updatesPerSecond: int('UPDATES_PER_SECOND', DEFAULT_LIMITS.updatesPerSecond, 1, 100_000),
      updateBacklogSeconds: int('UPDATE_BACKLOG_SECONDS', DEFAULT_LIMITS.updateBacklogSeconds, 1, 3600),
    },
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}
