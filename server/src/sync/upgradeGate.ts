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
import { Connection } from './connection';
import type { LiveSocket, PlanConnections } from './planConnections';
import type { RoomRegistry } from './roomRegistry';
import { SocketAdapter } from './socketAdapter';

type Admission =
  | { kind: 'refused'; code: number; event: string; denied?: { member: MemberRecord; docName: string } }
  | { kind: 'admitted'; member: MemberRecord; planId: string; docName: string; docKind: DocKind; access: 'read' | 'write' };

/**
 * The only way onto a doc: Origin, session cookie, plan, doc and `docAccess` are checked for every socket
 * (DESIGN.md §5). A foreign Origin is refused before the upgrade (HTTP 403); every other refusal upgrades
 * and closes with its documented code so that a browser can tell the user why.
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
  // permessage-deflate stays off: compression bombs and CPU per message (DESIGN.md §8).
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: config.limits.docSizeCapBytes + 1024 });
  const adapters = new Set<SocketAdapter>();
  const heartbeat = setInterval(() => adapters.forEach((a) => a.heartbeat()), 30_000);
  heartbeat.unref();

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
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
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (admission.kind === 'refused') {
        log.info(admission.event, {});
        if (admission.denied) {
          const { member, docName } = admission.denied;
          void audit.record({ event: 'access.denied', planId: member.planId, memberId: member.memberId, role: member.role, object: docName, outcome: 'refused' });
        }
        ws.close(admission.code, admission.event);
        return;
      }
      void open(ws, admission);
    });
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
      maxBufferedBytes: config.limits.docSizeCapBytes,
      onTextFrame: () => adapter.close(CloseCode.malformed, 'text frame'),
      onOverflow: () => adapter.close(CloseCode.tooLarge, 'too large'),
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
      { room, peer: adapter, member: a.member, kind: a.docKind, access: a.access, limits: config.limits, audit, log },
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

  return {
    onUpgrade,
    /** Closes every socket and stops the heartbeat. */
    close(): void {
      clearInterval(heartbeat);
      wss.close();
    },
  };
}

function refuseHttp(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
