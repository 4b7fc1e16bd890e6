import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { translate } from '../../../shared/src/i18n/translate';
import { parseSyncPath, SYNC_PATH_PREFIX } from '../../../shared/src/protocol/syncPath';
import { parseDocName, type DocKind } from '../../../shared/src/schema/docNames';
import type { AuditRecorder } from '../audit/auditRecorder';
import { authenticate } from '../auth/sessions';
import { isSameOrigin } from '../auth/sameOrigin';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { MemberRecord } from '../storage/records';
import type { RightsService } from '../rights/rightsService';
import type { MetaStore } from '../storage/Store';
import { AddressRateLimiter } from './addressRateLimiter';
import { Connection } from './connection';
import { startHeartbeat } from './heartbeat';
import { UpdateInspector } from './inspection/updateInspector';
import { reportRefusal } from './refusedMessage';
import type { LiveSocket, PlanConnections } from './planConnections';
import type { RoomRegistry } from './roomRegistry';
import { SocketAdapter } from './socketAdapter';

type Admission =
  | { kind: 'refused'; code: number; event: string; denied?: { member: MemberRecord; docName: string } }
  | { kind: 'admitted'; member: MemberRecord; planId: string; docName: string; docKind: DocKind; access: 'read' | 'write' };

/** How long a refused socket may take to answer our close frame before it is cut off. */
const REFUSED_GRACE_MS = 1_000;

/**
 * The only way onto a doc: the per-address upgrade rate (HTTP 429), Origin, session cookie, plan, doc and
 * `docAccess` are checked for every socket (DESIGN.md §5). A foreign Origin is refused before the upgrade
 * (HTTP 403); every other refusal upgrades and closes with its documented code so that a browser can tell
 * the user why. Refused sockets live on a WebSocket server with the small pre-sign-in frame limit; signed-in
 * ones on one whose frames may be as large as the doc cap (issue #9).
 */
export function createUpgradeGate(deps: {
  config: Config;
  meta: MetaStore;
  rooms: RoomRegistry;
  rights: RightsService;
  connections: PlanConnections;
  audit: AuditRecorder;
  log: Logger;
}) {
  const { config, meta, rooms, rights, connections, audit, log } = deps;
  const { limits } = config;
  // permessage-deflate stays off: compression bombs and CPU per message (DESIGN.md §8). A frame up to twice the
  // cap is read and closed with 4413; `ws` itself closes anything larger with 1009 before buffering it.
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 2 * limits.docSizeCapBytes });
  const refusedWss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: limits.frameBytesBeforeSignIn });
  const upgradeRate = new AddressRateLimiter(limits.upgradesPerSecondPerAddress, limits.upgradeBurstPerAddress);
  const inspector = new UpdateInspector({
    bounds: { maxStructs: limits.updateMaxStructs, maxDepth: limits.updateMaxDepth },
    budgetMs: limits.updateCheckMs,
    memoryMb: limits.updateCheckMemoryMb,
    log: log.child('inspection'),
  });
  const adapters = new Set<SocketAdapter>();
  const heartbeat = startHeartbeat(adapters, config.heartbeatMs);

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (!upgradeRate.admit(req.socket.remoteAddress ?? 'unknown', performance.now())) {
      log.warn('security.upgrade_rate_limited', {});
      return refuseHttp(socket, 429, 'Too Many Requests', ['Retry-After: 1']);
    }
    const path = req.url ?? '';
    if (!path.startsWith(`${SYNC_PATH_PREFIX}/`)) return refuseHttp(socket, 404, 'Not Found');
    if (!isSameOrigin(req, config.publicOrigin)) {
      log.warn('upgrade.bad_origin', {});
      return refuseHttp(socket, 403, 'Forbidden');
    }
    let admission: Admission;
    try {
      admission = admit(req);
    } catch (error) {
      // An upgrade must always get an answer, or the client and a shutting-down server both hang.
      log.error('upgrade.failed', { error });
      return refuseHttp(socket, 500, 'Internal Server Error');
    }
    if (admission.kind === 'refused') {
      refusedWss.handleUpgrade(req, socket, head, (ws) => refuse(ws, admission));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => void open(ws, admission));
  }

  /** Closes a refused socket with its code; whatever it sends meanwhile is read up to the pre-sign-in limit. */
  function refuse(ws: WebSocket, admission: Extract<Admission, { kind: 'refused' }>): void {
    // Without an error listener, a bad frame on a refused socket would throw and end the process.
    ws.on('error', (error) => log.warn('security.refused_socket_error', { code: (error as { code?: unknown }).code }));
    log.info(admission.event, {});
    if (admission.denied) {
      const { member, docName } = admission.denied;
      void audit.record({ event: 'access.denied', planId: member.planId, memberId: member.memberId, role: member.role, object: docName, outcome: 'refused' });
    }
    ws.close(admission.code, admission.event);
    setTimeout(() => ws.terminate(), REFUSED_GRACE_MS).unref();
  }

  function admit(req: IncomingMessage): Admission {
    const target = parseSyncPath(req.url ?? '');
    if (!target) return { kind: 'refused', code: CloseCode.unknownDoc, event: 'upgrade.unknown_doc' };
    const viewer = authenticate(meta, req.headers.cookie, new Date());
    if (!viewer) return { kind: 'refused', code: CloseCode.notSignedIn, event: 'upgrade.not_signed_in' };
    const plan = meta.getPlan(target.planId);
    if (!plan) return { kind: 'refused', code: CloseCode.unknownDoc, event: 'upgrade.unknown_plan' };
    if (viewer.member.planId !== plan.planId) return { kind: 'refused', code: CloseCode.noAccess, event: 'upgrade.other_plan' };
    const parsed = parseDocName(target.docName);
    const memberIds = meta.listMembers(plan.planId).filter((m) => !m.revokedAt).map((m) => m.memberId);
    if (!parsed || (parsed.kind === 'eigen' && !memberIds.includes(parsed.memberId))) {
      return { kind: 'refused', code: CloseCode.unknownDoc, event: 'upgrade.unknown_doc' };
    }
    // Connecting to the plan is itself presence in an open teamoverleg.
    const access = rights.access(viewer.member, target.docName, viewer.member.memberId);
    if (access === 'none') {
      return { kind: 'refused', code: CloseCode.noAccess, event: 'upgrade.no_access', denied: { member: viewer.member, docName: target.docName } };
    }
    return { kind: 'admitted', member: viewer.member, planId: plan.planId, docName: target.docName, docKind: parsed.kind, access };
  }

  async function open(ws: WebSocket, a: Extract<Admission, { kind: 'admitted' }>): Promise<void> {
    const ids = { planId: a.planId, docName: a.docName, memberId: a.member.memberId };
    const adapter = new SocketAdapter(ws, {
      maxBufferedBytes: limits.docSizeCapBytes,
      firstMessageMs: limits.idleUpgradeMs,
      onTextFrame: () => refuseFrame(adapter, a, CloseCode.malformed, 'text_frame'),
      onOverflow: () => refuseFrame(adapter, a, CloseCode.tooLarge, 'frame_too_large'),
      onSilent: () => refuseFrame(adapter, a, CloseCode.malformed, 'no_first_message'),
    });
    adapters.add(adapter);
    ws.on('close', () => adapters.delete(adapter));
    let room;
    try {
      room = await rooms.join(a.planId, a.docName, adapter);
    } catch {
      // Never serve an empty doc after a failed load (STYLE.md, Errors); the reason is for people (issue #9).
      adapter.close(CloseCode.serverError, translate('close.loadFailed'));
      return;
    }
    const connection = new Connection(
      { room, peer: adapter, member: a.member, kind: a.docKind, access: a.access, limits, audit, log, inspector },
      (ms) => adapter.pause(ms),
    );
    const live: LiveSocket = { memberId: a.member.memberId, docName: a.docName, access: a.access, close: (code, reason) => adapter.close(code, reason) };
    connections.add(a.planId, live);
    log.info('socket.opened', { ...ids, role: a.member.role, access: a.access });
    void audit.record({ event: 'doc.opened', planId: a.planId, memberId: a.member.memberId, role: a.member.role, object: a.docName, outcome: 'ok' });
    connection.start();
    // Presence changed: a family member connecting during a teamoverleg may now write the common plan.
    rights.reevaluate(a.planId);
    adapter.attach({
      receive: (frame) => connection.receive(frame),
      closed: () => {
        connection.stop();
        const clientId = connection.ctx.awarenessClientId;
        if (clientId !== undefined) {
          removeAwarenessStates(room.awareness, [clientId], adapter);
          room.releaseAwarenessClient(clientId, adapter);
        }
        connections.remove(a.planId, live);
        rooms.leave(room, adapter);
        log.info('socket.closed', ids);
      },
    });
  }

  /** A frame refused by the adapter (text, no first message, overflow while the doc loads): as `Connection.fail`. */
  function refuseFrame(adapter: SocketAdapter, a: Extract<Admission, { kind: 'admitted' }>, code: number, reason: string): void {
    reportRefusal({ log, audit }, a, code, reason);
    adapter.close(code, reason);
  }

  return {
    onUpgrade,
    /** Resolves once updates can be checked (the inspection workers are loaded); rejects when they cannot. */
    ready: () => inspector.ready(),
    /** Closes every socket, stops the heartbeat and the inspection workers. */
    async close(): Promise<void> {
      heartbeat.stop();
      wss.close();
      refusedWss.close();
      await inspector.close();
    },
  };
}

function refuseHttp(socket: Duplex, status: number, text: string, headers: string[] = []): void {
  const extra = headers.map((h) => `${h}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${extra}Content-Length: 0\r\n\r\n`);
}
