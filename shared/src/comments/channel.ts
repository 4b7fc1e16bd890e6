import { commentDocName } from '../schema/docNames';
import { oneOf } from '../schema/guards';

/**
 * The two comment channels as the API names them (issue #7): `iedereen` lives in `opmerkingen`, read by every
 * member; `professionals` lives in `opmerkingen-intern`, which non-professionals never receive.
 */
export const COMMENT_CHANNELS = ['iedereen', 'professionals'] as const;
export type CommentChannel = (typeof COMMENT_CHANNELS)[number];

export const isCommentChannel = oneOf(COMMENT_CHANNELS);

/** The channel of a doc's threads. Example: `channelOf(true)` → `professionals`. */
export function channelOf(intern: boolean): CommentChannel {
  return intern ? 'professionals' : 'iedereen';
}

/** The comment doc of a channel. Example: `channelDocName('professionals')` → `opmerkingen-intern`. */
export function channelDocName(channel: CommentChannel): string {
  return commentDocName(channel === 'professionals');
}
