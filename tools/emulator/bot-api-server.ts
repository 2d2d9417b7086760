// A local Telegram Bot API emulator: an HTTP server on 127.0.0.1 that answers the Bot API well
// enough for telegraf v4 to run against it (`new Telegraf(token, { telegram: { apiRoot } })`).
// Used by the offline demo and the integration tests. Everything is kept in memory.
//
//   const emulator = await startBotApiEmulator();
//   const bot = new Telegraf(emulator.token, { telegram: { apiRoot: emulator.apiRoot } });
//   emulator.userSends({ from: user, chat, text: "/ping" });
//   await emulator.waitFor((sent) => sent.some((m) => m.text === "pong"));
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readPayload } from "./http-body.ts";
import { RateLimiter } from "./limits.ts";
import { createHandlers, type Handler } from "./methods.ts";
import { World } from "./state.ts";
import { UpdateQueue } from "./updates.ts";
import {
  ApiError,
  type BotApiEmulator,
  type EmulatorChat,
  type EmulatorOptions,
  type EmulatorUser,
  type Fault,
  type Limits,
  type MemberStatus,
  type RecordedCall,
  type SentMessage,
} from "./types.ts";

export type {
  BotApiEmulator,
  BotUser,
  EmulatorChat,
  EmulatorOptions,
  EmulatorUser,
  Fault,
  Limits,
  MemberStatus,
  RecordedCall,
  SentMessage,
} from "./types.ts";

/** Methods that flood limits, and faults not named for a method, apply to. */
const SEND_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "editMessageText"]);
const HANG_MS = 30_000; // a "timeout" fault destroys the socket after this long
const POLL_EVERY_MS = 10;

interface PendingFault {
  fault: Fault;
  chatId: number | undefined;
  method: string | undefined;
  remaining: number;
}

const tooManyRequests = (seconds: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });

class Emulator implements BotApiEmulator {
  apiRoot = "";
  readonly token: string;
  readonly botUser: BotApiEmulator["botUser"];
  readonly calls: RecordedCall[] = [];
  readonly sent: SentMessage[];
  private readonly queue = new UpdateQueue();
  private readonly world: World;
  private readonly handlers: Map<string, Handler>;
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  private readonly failMethods: Set<string>;
  private readonly server: Server;
  private readonly hung = new Set<ServerResponse>();
  private faults: PendingFault[] = [];
  private closing: Promise<void> | undefined;

  constructor(opts: EmulatorOptions) {
    this.token = opts.token ?? "123456789:emulator-token";
    const username = opts.botUsername ?? "emulator_bot";
    this.botUser = {
      id: Number(this.token.split(":")[0]) || 123456789,
      is_bot: true,
      first_name: "Emulator Bot",
      username,
      can_join_groups: true,
      can_read_all_group_messages: opts.privacyMode === false,
      supports_inline_queries: false,
    };
    this.world = new World(this.botUser, this.queue, opts.privacyMode ?? true);
    this.sent = this.world.sent;
    this.handlers = createHandlers(this.world, this.queue);
    this.limiter = new RateLimiter(opts.limits ?? null);
    this.now = opts.now ?? Date.now;
    this.failMethods = new Set(opts.failMethods ?? []);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) =>
        this.respond(res, undefined, new ApiError(500, `Internal Server Error: ${String(error)}`)),
      );
    });
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  // --- test controls -------------------------------------------------------------------------

  userSends(opts: { from: EmulatorUser; chat: EmulatorChat; text: string; replyTo?: number }) {
    return this.world.userSends(opts);
  }

  userPresses(opts: { from: EmulatorUser; chat: EmulatorChat; messageId: number; data: string }) {
    return this.world.userPresses(opts);
  }

  userSendsDocument(opts: {
    from: EmulatorUser;
    chat: EmulatorChat;
    filename: string;
    bytes: Uint8Array;
    caption?: string;
    mimeType?: string;
    /** the message it replies to */
    replyTo?: number;
    /** sent as a photo (an array of sizes) instead of a document */
    asPhoto?: boolean;
  }) {
    return this.world.userSendsDocument(opts);
  }

  pushUpdate(update: Record<string, unknown>): number {
    return this.queue.push(update);
  }

  /** The highest update_id the bot has confirmed through getUpdates' offset. */
  get confirmedUpTo(): number {
    return this.queue.confirmedUpTo;
  }

  /** The update_id the next queued update will get. */
  nextUpdateId(): number {
    return this.queue.nextId();
  }

  async waitFor(predicate: (sent: SentMessage[]) => boolean, timeoutMs = 5000): Promise<SentMessage[]> {
    await until(
      () => predicate(this.sent),
      timeoutMs,
      () => {
        const last = this.sent
          .slice(-10)
          .map((m) => `[${m.chat_id}#${m.message_id}${m.edited ? " edited" : ""}] ${JSON.stringify(m.text)}`);
        return `waitFor timed out after ${timeoutMs} ms; last sent texts: ${last.length ? last.join(", ") : "(none)"}`;
      },
    );
    return this.sent;
  }

  async waitIdle(timeoutMs = 5000): Promise<void> {
    await until(
      () => this.queue.isIdle(),
      timeoutMs,
      () => `waitIdle timed out after ${timeoutMs} ms (${this.queue.pendingSummary()})`,
    );
  }

  setLimits(limits: Limits | null): void {
    this.limiter.set(limits);
  }

  injectFault(fault: Fault, opts: { chatId?: number; method?: string; times?: number } = {}): void {
    this.faults.push({ fault, chatId: opts.chatId, method: opts.method, remaining: opts.times ?? 1 });
  }

  setChatMember(chatId: number, userId: number, member: { status: MemberStatus; is_anonymous?: boolean }): void {
    this.world.setMember(chatId, userId, member);
  }

  /** Stops the server: held polls answer [], hung requests are dropped, connections closed. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.queue.close();
      for (const res of this.hung) res.destroy();
      const force = setTimeout(() => this.server.closeAllConnections(), 200);
      this.server.close(() => {
        clearTimeout(force);
        resolve();
      });
      this.server.closeIdleConnections();
    });
    return this.closing;
  }

  // --- HTTP ----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // a file download: GET /file/bot<token>/<file_path> (the file_path getFile answered)
    const download = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (download) {
      const file = [...this.world.files.values()].find((f) => f.file_path === decodeURIComponent(download[2]!));
      if (download[1] !== this.token || !file) return this.respond(res, undefined, new ApiError(404, "Not Found"));
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.bytes.length) });
      res.end(file.bytes);
      return;
    }
    const [, token, method] = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname) ?? [];
    if (token === undefined || method === undefined)
      return this.respond(res, undefined, new ApiError(404, "Not Found"));
    const call: RecordedCall = { method, payload: {}, at: this.now(), ok: true };
    this.calls.push(call);
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    try {
      call.payload = await readPayload(req, url);
      if (call.payload.method === method) delete call.payload.method; // telegraf repeats it in multipart bodies
      if (token !== this.token) throw new ApiError(401, "Unauthorized");
      const handler = this.failMethods.has(method) ? undefined : this.handlers.get(method);
      if (!handler) throw new ApiError(404, "Not Found: method not found");
      const run = () => handler(call.payload, { signal: aborted.signal });
      const sends = SEND_METHODS.has(method);
      const chatId = sends ? this.world.chat(call.payload).id : undefined;
      const fault = this.takeFault(method, chatId);
      if (fault?.kind === "timeout" || fault?.kind === "drop-after-accept") {
        call.ok = false; // the client never gets an answer
        if (fault.kind === "timeout") return this.hang(res);
        await run();
        if (chatId !== undefined) this.limiter.record(chatId, this.now());
        res.destroy();
        return;
      }
      if (fault) throw faultError(fault, chatId ?? 0);
      if (chatId === undefined) return this.respond(res, call, { result: await run() });
      const wait = this.limiter.retryAfter(chatId, this.now());
      if (wait > 0) throw tooManyRequests(wait);
      const result = await run();
      this.limiter.record(chatId, this.now());
      this.respond(res, call, { result });
    } catch (error) {
      this.respond(
        res,
        call,
        error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${String(error)}`),
      );
    }
  }

  private respond(res: ServerResponse, call: RecordedCall | undefined, outcome: { result: unknown } | ApiError): void {
    const failed = outcome instanceof ApiError;
    if (failed && call) Object.assign(call, { ok: false, errorCode: outcome.code });
    const body = failed
      ? { ok: false, error_code: outcome.code, description: outcome.description, parameters: outcome.parameters }
      : { ok: true, result: outcome.result };
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(failed ? outcome.code : 200, {
      "content-type": "application/json",
      ...(this.closing && { connection: "close" }),
    });
    res.end(JSON.stringify(body));
  }

  /** A fault named for a method applies to that method's calls (any method); the others to sends only. */
  private takeFault(method: string, chatId: number | undefined): Fault | undefined {
    const pending = this.faults.find(
      (f) =>
        (f.method === undefined ? chatId !== undefined : f.method === method) &&
        (f.chatId === undefined || f.chatId === chatId),
    );
    if (!pending) return undefined;
    if (--pending.remaining <= 0) this.faults = this.faults.filter((f) => f !== pending);
    return pending.fault;
  }

  private hang(res: ServerResponse): void {
    this.hung.add(res);
    const timer = setTimeout(() => res.destroy(), HANG_MS);
    res.on("close", () => {
      clearTimeout(timer);
      this.hung.delete(res);
    });
  }
}

function faultError(fault: Fault, chatId: number): ApiError {
  switch (fault.kind) {
    case "429":
      return tooManyRequests(fault.retryAfter ?? 1);
    case "500":
      return new ApiError(500, "Internal Server Error");
    case "403":
      return new ApiError(403, "Forbidden: bot was blocked by the user");
    case "chat-not-found":
      return new ApiError(400, "Bad Request: chat not found");
    default: // "migrate" (timeouts and drops never answer)
      return new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: fault.migrateTo ?? Number(`-100${Math.abs(chatId)}`),
      });
  }
}

/** Resolves once `done()` holds, checking every 10 ms; rejects with `message()` after `timeoutMs`. */
function until(done: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      try {
        if (done()) return resolve();
        if (Date.now() >= deadline) return reject(new Error(message()));
        setTimeout(check, POLL_EVERY_MS);
      } catch (error) {
        reject(error as Error);
      }
    };
    check();
  });
}

export async function startBotApiEmulator(opts: EmulatorOptions = {}): Promise<BotApiEmulator> {
  const emulator = new Emulator(opts);
  await emulator.listen(opts.port ?? 0);
  return emulator;
}
