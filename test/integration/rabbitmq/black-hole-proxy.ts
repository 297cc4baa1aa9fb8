import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the test broker that can swallow everything on the connections it holds,
 * as a frozen broker or a network partition does: nothing is answered, nothing is closed.
 */
export class BlackHoleProxy {
  private readonly pairs = new Set<{ client: Socket; upstream: Socket; swallowed: boolean }>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free local port, forwarding to `target` (host:port). */
  static async start(target: { host: string; port: number }): Promise<BlackHoleProxy> {
    const proxy: { current?: BlackHoleProxy } = {};
    const server = createServer((client) => proxy.current?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.current = new BlackHoleProxy(server, (server.address() as { port: number }).port);
    return proxy.current;
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    const upstream = connect(target.port, target.host);
    const pair = { client, upstream, swallowed: false };
    this.pairs.add(pair);
    client.on('data', (chunk) => {
      if (!pair.swallowed) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.swallowed) client.write(chunk);
    });
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  }

  /** From now on, the open connections carry nothing in either direction (new ones still work). */
  swallow(): void {
    for (const pair of this.pairs) pair.swallowed = true;
  }

  /** Cuts the swallowed connections, as a partition eventually ends in a reset. */
  reset(): void {
    for (const pair of [...this.pairs].filter((p) => p.swallowed)) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
