import { createServer, type Server, type Socket } from 'node:net';

/** A TCP server that accepts connections and never answers: an AWS endpoint that hangs. */
export class SilentEndpoint {
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Listens on a free port of 127.0.0.1. */
  static async start(): Promise<SilentEndpoint> {
    const endpoint = new SilentEndpoint(createServer());
    await new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve));
    return endpoint;
  }

  /** `http://127.0.0.1:<port>`, for a component's `endpoint`. */
  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the silent endpoint is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** How many connections it holds open. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Drops every connection and stops listening. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
