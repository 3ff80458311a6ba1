import { connect, type Socket } from "node:net";

export type Answer = { status: number; body: string };

/**
 * One keep-alive HTTP/1.1 connection of the load client, one request at a time, written by hand. A studio calls
 * from its own machines; in the bench the client shares the two cores with the server and PostgreSQL, so it
 * should cost about what pgbench costs the ceiling. undici's pool cost 0.2 ms of CPU per bet on the slower
 * machines (docs/benchmarks.md), as much as a third of the gateway's own share. This reads what our servers send
 * and nothing more: a status line, headers, and a body with a length (the gateway) or in chunks (Next).
 */
export class BenchConnection {
  private readonly socket: Socket;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly host: string,
    port: number,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk: Buffer) => this.receive(chunk));
    this.socket.on("error", (error) => this.fail(error));
    this.socket.on("close", () => this.fail(new Error("the server closed the connection")));
  }

  /** POSTs `body` with `headers` (lower-case names) and resolves with the whole answer. */
  post(path: string, headers: Record<string, string>, body: string): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error("one request at a time on a connection"));
    let head = `POST ${path} HTTP/1.1\r\nhost: ${this.host}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}\r\n${body}`);
    });
  }

  close() {
    this.failure ??= new Error("closed");
    this.socket.destroy();
  }

  private receive(chunk: Buffer) {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const parsed = parseResponse(this.received);
    if (!parsed) return;
    this.received = this.received.subarray(parsed.length);
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting.resolve(parsed.answer);
    else this.fail(new Error("an answer nobody asked for"));
  }

  private fail(error: Error) {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}

const HEAD_END = Buffer.from("\r\n\r\n");

/**
 * One complete HTTP/1.1 response at the start of `bytes` and how many bytes it took, or null while it is still
 * arriving. Throws on a response it cannot frame (neither a length nor chunks).
 */
export const parseResponse = (bytes: Buffer): { answer: Answer; length: number } | null => {
  const headEnd = bytes.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = bytes.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headEnd + 4;
  const declared = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
  if (declared) {
    const end = bodyStart + Number(declared[1]);
    return end > bytes.length
      ? null
      : { answer: { status, body: bytes.toString("utf8", bodyStart, end) }, length: end };
  }
  if (!/\r\ntransfer-encoding:[ \t]*chunked/i.test(head)) throw new Error(`unframed response: ${head}`);
  const parts: Buffer[] = [];
  let at = bodyStart;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(bytes.toString("latin1", at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error("bad chunk size");
    const dataEnd = lineEnd + 2 + size;
    // Each chunk ends with CRLF; the last (size 0) with CRLF after no trailers.
    if (dataEnd + 2 > bytes.length) return null;
    if (size === 0) return { answer: { status, body: Buffer.concat(parts).toString("utf8") }, length: dataEnd + 2 };
    parts.push(bytes.subarray(lineEnd + 2, dataEnd));
    at = dataEnd + 2;
  }
};
