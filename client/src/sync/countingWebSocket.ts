import { contentMessageKind } from './contentMessageKind';

/** Called for every content message a socket sends, with its number on that socket (1, 2, 3 …). */
export type ContentSentListener = (n: number, step2: boolean) => void;

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` option that numbers the content messages it sends,
 * the same way the server numbers them, so `saved n` can be compared with what was sent.
 * Every instance is one connection, so the count restarts at 1 on each reconnect.
 */
export function countingWebSocket(onContentSent: ContentSentListener): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    private contentSent = 0;

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView<ArrayBuffer>): void {
      const kind = contentMessageKind(data);
      super.send(data);
      if (kind === 'other') return;
      this.contentSent += 1;
      onContentSent(this.contentSent, kind === 'step2');
    }
  };
}
