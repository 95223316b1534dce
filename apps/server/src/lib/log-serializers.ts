import type { FastifyRequest } from "fastify";

/**
 * A URL as the logs may keep it: the path, and the names of query parameters with their
 * values left out. A collaboration token rides in the query of the socket's URL, and
 * search texts could name someone.
 */
export function redactQuery(url: string): string {
  const at = url.indexOf("?");
  if (at === -1) return url;
  const names = [...new URLSearchParams(url.slice(at + 1)).keys()];
  return `${url.slice(0, at)}?${names.map((name) => `${encodeURIComponent(name)}=…`).join("&")}`;
}

/** What a request line in the logs says: no query values, no headers (cookies, tokens). */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactQuery(request.url),
      remoteAddress: request.ip,
    };
  },
};
