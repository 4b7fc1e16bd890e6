import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Pages of the single-page app; each gets index.html so that a reload or a link works. */
const APP_ROUTES = ['/', '/uitnodiging', '/nieuw-plan', '/plan/:planId', '/plan/:planId/versies', '/plan/:planId/versies/:nummer', '/plan/:planId/vergelijk/:van/:met'];

/** Serves the built client (`client/dist`): hashed assets cached long, index.html never cached. */
export function staticClient(distDir: string): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get(APP_ROUTES, (_req, res, next) => {
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
