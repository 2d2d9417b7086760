// The HTTP side of dondoc (node:http, no framework): Telegram's webhook and a health endpoint.
//   POST <webhook path>  the X-Telegram-Bot-Api-Secret-Token header must equal the secret (constant-time);
//                        otherwise 403, the body is not even read, no handler runs, nothing is written.
//   GET  /healthz        database + dispatcher state as JSON, 200 when healthy, 503 otherwise.
//   anything else        the injected `routes` (the dashboard under /app/, given by the composition root: the
//                        platform knows no feature), then 404.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const MAX_BODY = 1024 * 1024; // Telegram updates are far smaller

export interface Health {
  ok: boolean;
  [key: string]: unknown;
}

export interface HttpServerDeps {
  port: number;
  host?: string;
  logger: Logger;
  webhook?: { path: string; secret: string; handleUpdate: (update: unknown) => Promise<void> } | null;
  health: () => Promise<Health>;
  /** more routes: true when the request was answered, false to fall through to 404 */
  routes?: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | null;
}

/** Constant-time comparison; a different length is a mismatch (timingSafeEqual needs equal lengths). */
export function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

export interface HttpServer {
  /** the port actually listened on (PORT=0 picks a free one) */
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(deps: HttpServerDeps): Promise<HttpServer> {
  const { logger, webhook } = deps;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };

  async function onWebhook(req: IncomingMessage, res: ServerResponse) {
    if (!webhook || !secretMatches(req.headers[SECRET_HEADER], webhook.secret)) {
      // neither the given nor the expected secret is logged
      logger.warn({ remote: req.socket.remoteAddress }, "webhook request with a wrong or missing secret: refused");
      res.setHeader("connection", "close");
      send(res, 403, { ok: false });
      req.resume();
      return;
    }
    let update: unknown;
    try {
      update = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // answer before the connection goes: the rest of the body is not read
        res.setHeader("connection", "close");
        send(res, 413, { ok: false });
        res.once("finish", () => req.destroy());
        return;
      }
      send(res, 400, { ok: false });
      return;
    }
    if (
      typeof update !== "object" ||
      update === null ||
      typeof (update as { update_id?: unknown }).update_id !== "number"
    ) {
      send(res, 400, { ok: false });
      return;
    }
    try {
      await webhook.handleUpdate(update);
      send(res, 200, { ok: true });
    } catch (error) {
      // the error boundary answers user errors; this is e.g. the database being down: Telegram retries
      logger.error({ err: error, updateId: (update as { update_id: number }).update_id }, "webhook update failed");
      send(res, 500, { ok: false });
    }
  }

  async function onHealth(res: ServerResponse) {
    try {
      const h = await deps.health();
      send(res, h.ok ? 200 : 503, h);
    } catch (error) {
      logger.warn({ err: error }, "health check failed");
      send(res, 503, { ok: false });
    }
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (webhook && path === webhook.path) {
      if (req.method !== "POST") return send(res, 405, { ok: false });
      void onWebhook(req, res);
      return;
    }
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      void onHealth(res);
      return;
    }
    if (deps.routes) {
      void deps.routes(req, res).then(
        (answered) => {
          if (answered) return;
          req.resume();
          send(res, 404, { ok: false });
        },
        (error: unknown) => {
          logger.error({ err: error, path }, "http route failed");
          if (!res.headersSent) send(res, 500, { ok: false });
          else res.destroy();
        },
      );
      return;
    }
    req.resume();
    send(res, 404, { ok: false });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, webhook: Boolean(webhook) }, "http server listening");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.off("data", onData);
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
