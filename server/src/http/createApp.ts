import path from 'node:path';
import express from 'express';
import { NotFound } from '../errors';
import type { Config } from '../config';
import type { HealthState } from '../health';
import type { Logger } from '../log';
import type { PlanTemplateV2 } from '../../../shared/src/schema/templateV2';
import type { AuditRecorder } from '../audit/auditRecorder';
import type { RightsService } from '../rights/rightsService';
import { createEmbeddedVersionStore } from '../storage/embedded/embeddedVersionStore';
import type { Store } from '../storage/Store';
import type { RoomRegistry } from '../sync/roomRegistry';
import { commentsRouter } from './commentsRouter';
import { errorHandler } from './httpErrors';
import { healthRouter } from './healthRouter';
import { invitationsRouter } from './invitationsRouter';
import { guardJsonBody } from './jsonBodyGuards';
import { planActionsRouter } from './planActionsRouter';
import { plansRouter } from './plansRouter';
import { guardStateChanges } from './requestGuards';
import { securityHeaders } from './securityHeaders';
import { sessionRouter } from './sessionRouter';
import { staticClient } from './staticClient';
import { templatesRouter } from './templatesRouter';
import { versionsRouter } from './versionsRouter';

/**
 * The Express app: security headers → CSRF guard (session cookie, same origin, JSON only) → JSON size, depth
 * and keys → one router per resource → the client → errors.
 */
export function createApp(deps: {
  config: Config;
  store: Store;
  templates: ReadonlyMap<string, PlanTemplateV2>;
  rooms: RoomRegistry;
  rights: RightsService;
  audit: AuditRecorder;
  health: HealthState;
  log: Logger;
  clientDist: string;
}) {
  const { config, store, templates, rooms, rights, audit, health, log } = deps;
  const { meta } = store;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(healthRouter(health));
  app.use('/api', guardStateChanges(config.publicOrigin));
  app.use('/api', express.json({ limit: config.limits.jsonBodyBytes, strict: true }));
  app.use('/api', guardJsonBody(config.limits.jsonMaxDepth));
  app.use(invitationsRouter({ config, meta, rooms, templates, log }));
  app.use(sessionRouter({ config, meta }));
  app.use(templatesRouter({ meta, templates }));
  app.use(plansRouter({ config, store, templates, rights, audit, log }));
  app.use(planActionsRouter({ meta, rooms, rights, audit, log }));
  const versions = createEmbeddedVersionStore(path.join(config.dataDir, 'versions'));
  app.use(versionsRouter({ meta, rooms, rights, audit, versions }));
  app.use(commentsRouter({ meta, rooms, rights, audit, versions }));
  app.use('/api', (_req, _res, next) => next(new NotFound('route')));
  app.use(staticClient(deps.clientDist));
  app.use((_req, _res, next) => next(new NotFound('route')));
  app.use(errorHandler(log));
  return app;
}
