import { Router } from 'express';
import type { PlanTemplateV2 } from '../../../shared/src/schema/templateV2';
import type { MetaStore } from '../storage/Store';
import { requireViewer } from './requestGuards';

/** `GET /api/templates`: the templates a new plan can start from, for the "Nieuw plan" form. */
export function templatesRouter(deps: { meta: MetaStore; templates: ReadonlyMap<string, PlanTemplateV2> }): Router {
  const { meta, templates } = deps;
  const router = Router();
  router.get('/api/templates', requireViewer(meta), (_req, res) => {
    res.json([...templates.values()].map((t) => ({ id: t.id, titel: t.naam, beschrijving: t.beschrijving })));
  });
  return router;
}
