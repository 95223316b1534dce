import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A load balancer in front of several server nodes, at the TCP level like a
 * plain HAProxy: every new connection goes to the next node the balancer
 * believes is up; a node's open connections die with it, and clients
 * reconnect through here to another node.
 */
export class RoundRobinProxy {
  private readonly server: Server;
  private readonly connections = new Set<Socket>();
  private turn = 0;
  port = 0;

  /** `livePorts` answers, per connection, which nodes take new connections now. */
  constructor(private readonly livePorts: () => number[]) {
    this.server = createServer((client) => this.route(client));
  }

  get address(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (address === null || typeof address === "string") throw new Error("proxy has no port");
    this.port = address.port;
    return this.address;
  }

  async close(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private route(client: Socket): void {
    const ports = this.livePorts();
    if (ports.length === 0) {
      client.destroy();
      return;
    }
    const port = ports[this.turn++ % ports.length] as number;
    const upstream = connect(port, "127.0.0.1");
    for (const [socket, peer] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.connections.add(socket);
      socket.pipe(peer);
      // A killed node resets its end; the other end must go too, as it would behind a balancer.
      socket.on("error", () => peer.destroy());
      socket.on("close", () => {
        this.connections.delete(socket);
        peer.destroy();
      });
    }
  }
}
