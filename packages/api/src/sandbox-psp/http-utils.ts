import type http from "node:http";

/** The few HTTP helpers the sandbox needs on top of node:http. */
export class BodyTooLargeError extends Error {}

export const readBody = async (request: http.IncomingMessage, limit = 16_384): Promise<string> => {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
};

export const parseJsonObject = (text: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

const baseHeaders = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/**
 * No script at all; no `form-action` either, since Chrome applies it to the redirect back to the merchant that
 * follows every form post.
 */
const pageCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'";

export const sendJson = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { ...baseHeaders, "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

export const sendError = (response: http.ServerResponse, status: number, error: string, message?: string) =>
  sendJson(response, status, message ? { error, message } : { error });

export const sendHtml = (response: http.ServerResponse, status: number, html: string) => {
  response.writeHead(status, {
    ...baseHeaders,
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": pageCsp,
  });
  response.end(html);
};

export const sendText = (response: http.ServerResponse, status: number, type: string, text: string) => {
  response.writeHead(status, { ...baseHeaders, "content-type": type });
  response.end(text);
};

/** 303: the browser follows with a GET, whatever method brought it here. */
export const redirect = (response: http.ServerResponse, location: string) => {
  response.writeHead(303, { ...baseHeaders, location });
  response.end();
};
