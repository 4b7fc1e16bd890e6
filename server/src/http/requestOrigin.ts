import type { Request } from 'express';
import type { Config } from '../config';

/** The origin links in responses point to: the configured public origin, else the one the request came to. */
export function requestOrigin(config: Config, req: Request): string {
  return config.publicOrigin ?? `${req.protocol}://${req.get('host') ?? ''}`;
}
