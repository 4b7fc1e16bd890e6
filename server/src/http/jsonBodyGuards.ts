import type { RequestHandler } from 'express';
import { AppError } from '../errors';

/** A JSON body nested deeper than allowed (400). */
export class BodyTooDeep extends AppError {
  readonly code = 'too_deep';
}

/** A JSON body with a key that could reach an object's prototype (400). */
export class ForbiddenKey extends AppError {
  readonly code = 'forbidden_key';
}

/**
 * Keys that walk to a prototype when code copies a body with assignment or a merge: `__proto__`, or
 * `constructor` then `prototype`. No route of ours has a field by these names, so a body with them is refused.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * After `express.json`: refuses bodies nested deeper than `maxDepth` (recursive code further on could run out
 * of stack) and bodies with prototype-pollution keys (issue #9). Walks the body without recursion.
 */
export function guardJsonBody(maxDepth: number): RequestHandler {
  return (req, _res, next) => {
    const body: unknown = req.body;
    if (body === undefined || body === null || typeof body !== 'object') return next();
    const stack: [object, number][] = [[body, 1]];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      const [value, depth] = top;
      if (depth > maxDepth) return next(new BodyTooDeep(`deeper than ${maxDepth}`));
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return next(new ForbiddenKey(key));
        const child: unknown = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      }
    }
    next();
  };
}
