/**
 * One structured logger, passed in (STYLE.md, Logging). Events are short dotted names (`update.rejected`);
 * fields carry opaque ids and sizes only. Known sensitive keys are redacted here, centrally, so that a
 * careless call cannot leak a token, cookie or name into the log.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger whose records all carry `module` and the given fields. */
  child(module: string, fields?: LogFields): Logger;
}

const REDACTED_KEYS = new Set(['token', 'cookie', 'name', 'url', 'ip', 'headers', 'text', 'password', 'session', 'authorization']);
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger that writes one JSON line per record to `write` (stdout in main.ts). */
export function createLogger(options: { level?: LogLevel; write: (line: string) => void; base?: LogFields }): Logger {
  const min = ORDER[options.level ?? 'info'];
  const make = (base: LogFields): Logger => {
    const emit = (level: LogLevel, event: string, fields?: LogFields) => {
      if (ORDER[level] < min) return;
      const record = { time: new Date().toISOString(), level, event, ...base, ...redact(fields ?? {}) };
      options.write(JSON.stringify(record));
    };
    return {
      debug: (e, f) => emit('debug', e, f),
      info: (e, f) => emit('info', e, f),
      warn: (e, f) => emit('warn', e, f),
      error: (e, f) => emit('error', e, f),
      child: (module, fields) => make({ ...base, module, ...redact(fields ?? {}) }),
    };
  };
  return make(options.base ?? {});
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  const self: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => self };
  return self;
}

function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (REDACTED_KEYS.has(key.toLowerCase())) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
    else out[key] = value;
  }
  return out;
}
