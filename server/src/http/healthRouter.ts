import { Router } from 'express';
import type { HealthState } from '../health';

/**
 * `GET /healthz` (DESIGN.md §7): ok, or ok with the degraded parts listed; 503 while the server is still
 * starting (it listens before it has written the demo invitations, since their links need its port).
 */
export function healthRouter(health: HealthState): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!health.isStarted) {
      res.status(503).json({ ok: false, reason: 'starting' });
      return;
    }
    const degraded = health.list();
    res.json(degraded.length > 0 ? { ok: true, degraded } : { ok: true });
  });
  return router;
}
