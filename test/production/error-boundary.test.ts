// The error boundary can never throw, even when the update failed before its language was known (the
// database was what failed), and a database that is unavailable makes the update "not handled".
import { describe, expect, it } from "vitest";
import { createErrorBoundary, NotHandled } from "../../src/platform/telegram/errors.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { refusal } from "../../src/features/refusals.ts";
import { isDatabaseUnavailable } from "../../src/platform/db/unavailable.ts";
import type { BotContext } from "../../src/platform/telegram/context.ts";

function fakeContext(opts: { failSend?: boolean } = {}) {
  const sent: string[] = [];
  const ctx = {
    update: { update_id: 7 },
    chat: { id: 1, type: "private" },
    replyWithHTML: async (text: string) => {
      if (opts.failSend) throw new Error("429: Too Many Requests");
      sent.push(text);
    },
  } as unknown as BotContext; // no ctx.t: the look-up never finished
  return { ctx, sent };
}

describe("the error boundary", () => {
  const boundary = createErrorBoundary(createLogger("silent"), "vi");

  it("apologises in the default language when the update failed before its language was known", async () => {
    const { ctx, sent } = fakeContext();
    await expect(boundary(new TypeError("boom"), ctx)).resolves.toBeUndefined();
    expect(sent).toEqual(["Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đề nghị đồng chí thử lại sau ít phút."]);
  });

  it("answers an expected problem with its line, and survives a reply that cannot be sent", async () => {
    const { ctx, sent } = fakeContext();
    await boundary(refusal("common", "notRegistered"), ctx);
    expect(sent[0]).toContain("chưa có trong danh sách cán bộ");
    await expect(boundary(new Error("x"), fakeContext({ failSend: true }).ctx)).resolves.toBeUndefined();
  });

  it("hands back an update that met an unavailable database, without an apology", async () => {
    for (const error of [
      Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }),
      Object.assign(new Error("Operation has timed out"), {}),
      Object.assign(new Error("driver"), {
        cause: Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }),
      }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      const { ctx, sent } = fakeContext();
      await expect(boundary(error, ctx)).rejects.toBeInstanceOf(NotHandled);
      expect(sent).toEqual([]);
    }
    for (const error of [
      new TypeError("Cannot read properties of undefined"),
      refusal("common", "chatNotBound"),
      Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
