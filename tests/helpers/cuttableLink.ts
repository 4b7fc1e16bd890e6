import net from 'node:net';

/** A TCP link to a server that a test can cut and restore, like a train going into a tunnel. */
export interface CuttableLink {
  /** The origin to open in the browser instead of the server's own. */
  base: string;
  /** Ends every open connection (HTTP and WebSocket) and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Puts a plain TCP relay between a browser and `target` (`http://127.0.0.1:<port>`). Playwright's
 * `context.setOffline` does not reach open WebSockets nor the service worker's fetches (playwright#4910,
 * #2311), so tests that need a real loss of network cut this link as well.
 */
export async function openCuttableLink(target: string): Promise<CuttableLink> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (p: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(p, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const s of open) s.destroy();
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  const linkPort = await listen(0);
  return {
    base: `http://127.0.0.1:${linkPort}`,
    cut: stop,
    restore: async () => {
      await listen(linkPort);
    },
    close: stop,
  };
}
