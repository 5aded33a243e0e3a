// The loopback plumbing both Discord fakes share: one HTTP server with the gateway websocket at
// /gateway, HELLO and heartbeat acks, numbered dispatches, and waiters re-checked on every change.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** A frame a client sent: its opcode (2 IDENTIFY, 6 RESUME, …) and its data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- gateway JSON
export type ClientFrame = { op: number; d: any };

/** What a fake does with a new socket; it returns what to do with the socket's frames. */
export type OnSocket = (socket: WebSocket) => (frame: ClientFrame) => void;

/** A loopback server speaking the Discord gateway's framing; the fakes supply the sessions. */
export class LoopbackGateway {
  private readonly waiters = new Set<() => void>();
  private seq = 0;
  private readonly server;
  private readonly wss;

  /** `onRequest` answers plain HTTP (default 404); `onSocket` takes each new gateway socket. */
  constructor(
    onSocket: OnSocket,
    onRequest = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(404).end(),
  ) {
    this.server = createServer(onRequest);
    this.wss = new WebSocketServer({ server: this.server, path: "/gateway" });
    this.wss.on("connection", (socket) => {
      const onFrame = onSocket(socket);
      socket.on("message", (raw) => {
        const frame = JSON.parse(String(raw)) as ClientFrame;
        if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
        else onFrame(frame);
      });
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    });
  }

  /** Listens on a free loopback port. */
  listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  /** The port it listens on. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The websocket URL a client connects to (and resumes at). */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Sends a dispatch (op 0) with the next sequence number. */
  send(socket: WebSocket, type: string, data: unknown): void {
    socket.send(JSON.stringify({ op: 0, t: type, s: ++this.seq, d: data }));
  }

  /** INVALID_SESSION, not resumable: the client must identify again. */
  invalidSession(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 9, d: false }));
  }

  /** Resolves with the first value `check` returns, re-checking after every {@link notify}. */
  waitFor<T>(check: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const test = () => {
        const value = check();
        if (value === undefined) return;
        this.waiters.delete(test);
        resolve(value);
      };
      this.waiters.add(test);
      test();
    });
  }

  /** Re-checks every waiter: call it after anything a test may wait for. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Stops the server, cutting every socket and any request a test still holds. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
