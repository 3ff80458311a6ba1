import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchConnection, parseResponse } from "./http-client";

describe("the bench's load client", () => {
  const sockets = new Set<unknown>();
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const echo = `${req.method} ${req.url} ${req.headers["x-sig"]} ${Buffer.concat(chunks).toString()}`;
      if (req.url === "/chunked") {
        res.writeHead(201, { "content-type": "text/plain" });
        res.write(echo.slice(0, 5));
        res.end(echo.slice(5));
      } else {
        res.writeHead(200, { "content-length": String(Buffer.byteLength(echo)) });
        res.end(echo);
      }
    });
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends signed POSTs one after another on one kept-alive connection and reads each whole answer", async () => {
    const connection = new BenchConnection("127.0.0.1", port);
    const first = await connection.post("/bet", { "x-sig": "v1=ab" }, '{"amount":"1€"}');
    const second = await connection.post("/chunked", { "x-sig": "v1=cd" }, "é".repeat(3000));
    connection.close();
    expect(first).toEqual({ status: 200, body: 'POST /bet v1=ab {"amount":"1€"}' });
    expect(second).toEqual({ status: 201, body: `POST /chunked v1=cd ${"é".repeat(3000)}` });
    expect(sockets.size).toBe(1);
  });

  it("waits for the rest of an answer that arrives in pieces, and keeps the bytes of the next", () => {
    const chunked = Buffer.from(
      "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\nHTTP",
    );
    for (let cut = 0; cut < chunked.length - 4; cut++) expect(parseResponse(chunked.subarray(0, cut))).toBeNull();
    expect(parseResponse(chunked)).toEqual({ answer: { status: 200, body: "abcde" }, length: chunked.length - 4 });
  });

  it("refuses an answer it cannot frame instead of waiting forever", () => {
    expect(() => parseResponse(Buffer.from("HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nhi"))).toThrow("unframed");
  });

  it("fails the waiting request when the server closes the connection", async () => {
    const closing = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    const connection = new BenchConnection("127.0.0.1", (closing.address() as AddressInfo).port);
    await expect(connection.post("/bet", {}, "{}")).rejects.toThrow("closed");
    await new Promise((resolve) => closing.close(resolve));
  });
});
