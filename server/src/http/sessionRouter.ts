import { Router } from 'express';
import { clearedSessionCookie } from '../auth/sessionCookie';
import type { Config } from '../config';
import type { MetaStore } from '../storage/Store';
import { requireViewer, viewerOf } from './requestGuards';

/** Who am I (`GET /api/session`) and sign out (`POST /api/session/logout`). */
export function sessionRouter(deps: { config: Config; meta: MetaStore }): Router {
  const { config, meta } = deps;
  const router = Router();
  router.get('/api/session', requireViewer(meta), (_req, res) => {
    const { member } = viewerOf(res.locals);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ planId: member.planId, memberId: member.memberId, role: member.role });
  });
  router.post('/api/session/logout', requireViewer(meta), async (req, res) => {
    await meta.deleteSession(viewerOf(res.locals).sessionHash);
    res.setHeader('Set-Cookie', clearedSessionCookie(config.publicOrigin?.startsWith('https://') ?? req.secure));
    res.status(204).end();
  });
  return router;
}
