import { Router } from 'express';
import type { HealthState } from '../health';

/** `GET /healthz` (DESIGN.md §7): ok, or ok with the degraded parts listed. */
export function healthRouter(health: HealthState): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const degraded = health.list();
    res.setHeader('Cache-Control', 'no-store');
    res.json(degraded.length > 0 ? { ok: true, degraded } : { ok: true });
  });
  return router;
}
