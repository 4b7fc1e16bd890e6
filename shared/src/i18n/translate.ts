import { en } from './en';
import { nl, type MessageKey } from './nl';

export type Locale = 'nl' | 'en';
export type { MessageKey };

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { nl, en };

/**
 * The text for a key in a locale (Dutch by default), with `{name}` placeholders filled.
 * Example: `translate('presence.count', { count: 3 })`.
 */
export function translate(key: MessageKey, params?: Record<string, string | number>, locale: Locale = 'nl'): string {
  const template = CATALOGS[locale][key] ?? nl[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when a string is a known message key (for codes that come from the server). */
export function isMessageKey(value: string): value is MessageKey {
  return value in nl;
}
