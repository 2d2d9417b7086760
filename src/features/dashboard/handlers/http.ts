// The dashboard's HTTP routes, under /app/ on the bot's HTTP server (injected by the composition root):
//   GET /app/                 the shell (no data); a login_url button lands here too, with its fields
//   GET /app/view/…           a view as an HTML fragment, for the person Telegram's proof names:
//                             "/" his default, "/province", "/unit/<id>"; 401 and an empty body without a
//                             valid, unexpired proof (Authorization: "tma <init data>" or "login <fields>")
//   GET /app/dev?as=<id>      development login, only when the composition root enabled it (the local Bot
//                             API emulator is in use): signs init data for that Telegram user, redirects
// Access follows the commands' rules (src/platform/telegram/scope.ts): the secretariat and province-wide
// leaders see the province; a chairman, Party secretary or official his unit; a supervisor the units he follows.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { Actor } from "../../registry/registry.ts";
import type { DashboardService } from "../dashboard.ts";
import { signInitData, validateInitData, validateLoginWidget, type ProofResult } from "../init-data.ts";
import { pageVi, type PageLabels } from "../messages.ts";
import { canSeeProvince, canSeeUnit } from "../../../platform/telegram/scope.ts";
import { directiveFragment, messageFragment, provinceFragment, unitFragment } from "./pages.ts";
import { shellPage } from "./shell.ts";

export interface DashboardRoutesDeps {
  dashboard: DashboardService;
  actorByTelegramId: (telegramUserId: bigint, now: Date) => Promise<Actor | null>;
  botToken: string;
  maxAgeSeconds: number;
  now: () => Date;
  /** the development login of the offline demo: true only with the local Bot API emulator */
  devLogin: boolean;
  labels?: PageLabels;
}

/** What a person may see: the province, or some units (never none: he is told instead). */
type Scope = { kind: "province" } | { kind: "units"; unitIds: number[] };

export function scopeOf(actor: Actor): Scope {
  if (canSeeProvince(actor)) return { kind: "province" };
  const ids = new Set<number>();
  for (const r of actor.roles) if (r.unitId !== null) ids.add(r.unitId);
  if (actor.unitId !== null) ids.add(actor.unitId);
  return { kind: "units", unitIds: [...ids].sort((a, b) => a - b) };
}

export function proofOf(header: string | undefined, botToken: string, nowSeconds: number, maxAgeSeconds: number) {
  const [kind = "", ...rest] = (header ?? "").split(" ");
  const raw = rest.join(" ");
  const opts = { nowSeconds, maxAgeSeconds };
  if (kind === "tma") return validateInitData(raw, botToken, opts);
  if (kind === "login") return validateLoginWidget(raw, botToken, opts);
  return { ok: false, problem: "missing" } satisfies ProofResult;
}

export function createDashboardRoutes(deps: DashboardRoutesDeps) {
  const labels = deps.labels ?? pageVi;
  const shell = shellPage(labels);

  function send(req: IncomingMessage, res: ServerResponse, status: number, html: string) {
    req.resume();
    let body = Buffer.from(html, "utf8");
    const headers: Record<string, string | number> = {
      "content-type": "text/html; charset=utf-8",
      // figures change with every report; the proof must not be cached by anyone
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      vary: "authorization, accept-encoding",
    };
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function view(req: IncomingMessage, res: ServerResponse, path: string) {
    const now = deps.now();
    const proof = proofOf(
      req.headers.authorization,
      deps.botToken,
      Math.floor(now.getTime() / 1000),
      deps.maxAgeSeconds,
    );
    // nothing is rendered for a forged, expired or missing proof
    if (!proof.ok) return send(req, res, 401, "");
    const actor = await deps.actorByTelegramId(proof.login.userId, now);
    if (!actor) return send(req, res, 403, messageFragment(labels.notRegistered));
    const scope = scopeOf(actor);
    if (scope.kind === "units" && scope.unitIds.length === 0)
      return send(req, res, 403, messageFragment(labels.nothingFollowed));
    const several = scope.kind === "province" || scope.unitIds.length > 1;
    const unitMatch = /^\/unit\/(\d{1,9})$/.exec(path);
    if (path === "/" || path === "/province") {
      if (!several) return showUnit(req, res, (scope as { unitIds: number[] }).unitIds[0]!, now, false);
      const board = await deps.dashboard.province(now, scope.kind === "province" ? null : scope.unitIds);
      return send(req, res, 200, provinceFragment(board, labels));
    }
    const directiveMatch = /^\/directive\/(\d{1,9})$/.exec(path);
    if (directiveMatch) {
      // a directive spans units: the province's readers only
      if (scope.kind !== "province") return send(req, res, 403, messageFragment(labels.forbidden));
      const progress = await deps.dashboard.directive(Number(directiveMatch[1]), now);
      if (!progress) return send(req, res, 404, messageFragment(labels.notFound));
      return send(req, res, 200, directiveFragment(progress, labels));
    }
    if (unitMatch) {
      const unitId = Number(unitMatch[1]);
      if (!canSeeUnit(actor, unitId)) return send(req, res, 403, messageFragment(labels.forbidden));
      return showUnit(req, res, unitId, now, several);
    }
    return send(req, res, 404, messageFragment(labels.notFound));
  }

  async function showUnit(req: IncomingMessage, res: ServerResponse, unitId: number, now: Date, back: boolean) {
    const board = await deps.dashboard.unit(unitId, now);
    if (!board) return send(req, res, 404, messageFragment(labels.notFound));
    return send(req, res, 200, unitFragment(board, labels, back));
  }

  /** true when answered; false: not a dashboard path */
  return async function routes(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path !== "/app" && !path.startsWith("/app/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(req, res, 405, "");
      return true;
    }
    if (path === "/app") {
      req.resume();
      res.writeHead(302, { location: `/app/${url.search}` }).end();
      return true;
    }
    if (path === "/app/") {
      send(req, res, 200, shell);
      return true;
    }
    if (path.startsWith("/app/view/")) {
      await view(req, res, path.slice("/app/view".length));
      return true;
    }
    if (path === "/app/dev" && deps.devLogin) {
      const id = url.searchParams.get("as") ?? "";
      if (!/^\d{1,15}$/.test(id)) {
        send(req, res, 400, "");
        return true;
      }
      const initData = signInitData(
        { id: BigInt(id), first_name: "dev" },
        deps.botToken,
        Math.floor(deps.now().getTime() / 1000),
      );
      req.resume();
      res.writeHead(302, { location: `/app/#tgWebAppData=${encodeURIComponent(initData)}` }).end();
      return true;
    }
    return false;
  };
}
