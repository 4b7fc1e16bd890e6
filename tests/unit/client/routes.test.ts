import { describe, expect, it } from 'vitest';
import { comparePath, invitationPath, NIEUW_PLAN_PATH, parseRoute, planPath, versionPath, versionsPath } from '../../../client/src/routes';
import { syncServerUrl } from '../../../client/src/sync/docConnection';
import { syncPath } from '../../../shared/src/protocol/syncPath';

describe('client routes', () => {
  it('reads the three pages and refuses unsafe plan ids', () => {
    expect(parseRoute('/')).toEqual({ kind: 'home' });
    expect(parseRoute('/uitnodiging')).toEqual({ kind: 'invitation' });
    expect(parseRoute(planPath('abc_1-2'))).toEqual({ kind: 'plan', planId: 'abc_1-2' });
    expect(parseRoute('/plan/a%20b').kind).toBe('notFound');
    expect(parseRoute('/iets').kind).toBe('notFound');
  });

  it('has a page to make a new plan, and opens a new plan through a same-origin invitation path', () => {
    expect(parseRoute(NIEUW_PLAN_PATH)).toEqual({ kind: 'nieuwPlan' });
    expect(invitationPath('tok_1')).toBe('/uitnodiging#tok_1');
    expect(parseRoute(invitationPath('tok_1').split('#')[0] ?? '')).toEqual({ kind: 'invitation' });
  });
});

describe('version routes (issue #8)', () => {
  it('reads the versions list, one version and a comparison, and refuses what is not a version', () => {
    expect(parseRoute(versionsPath('p1'))).toEqual({ kind: 'versies', planId: 'p1' });
    expect(parseRoute(versionPath('p1', 12))).toEqual({ kind: 'versie', planId: 'p1', nummer: 12 });
    expect(parseRoute(comparePath('p1', 1, 'nu'))).toEqual({ kind: 'vergelijk', planId: 'p1', van: 1, met: 'nu' });
    expect(parseRoute(comparePath('p1', 2, 3))).toEqual({ kind: 'vergelijk', planId: 'p1', van: 2, met: 3 });
    expect(parseRoute('/plan/p1/versies/nu').kind).toBe('notFound');
    expect(parseRoute('/plan/p1/versies/0').kind).toBe('notFound');
    expect(parseRoute('/plan/p1/vergelijk/1').kind).toBe('notFound');
    expect(parseRoute('/plan/a b/versies').kind).toBe('notFound');
  });
});

describe('syncServerUrl', () => {
  it('gives y-websocket a base that, with the doc name appended, is exactly the sync path', () => {
    const base = syncServerUrl('p1', 'eigen-m1', { protocol: 'http:', host: '127.0.0.1:3000' });
    expect(`${base}/eigen-m1`).toBe(`ws://127.0.0.1:3000${syncPath('p1', 'eigen-m1')}`);
    expect(syncServerUrl('p1', 'gezamenlijk', { protocol: 'https:', host: 'plan.example' })).toBe('wss://plan.example/sync/p1');
  });
});
