// Registry files sent in the secretariat's chat (src/platform/telegram/file-upload.ts): a file whose
// first table has the registry's headers (docs/registry-files.md) is previewed, then applied on the sender's ✅.
import type { Telegraf } from "telegraf";
import { registerFileUpload } from "../../../platform/telegram/file-upload.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";
import { tableKind } from "../registry-io/files.ts";

export function registerRegistryUpload(bot: Telegraf<BotContext>) {
  registerFileUpload(bot, {
    prefix: "reg",
    recognises: (file) => tableKind(file.table.find((r) => r.some((c) => c.trim() !== "")) ?? []) !== null,
    texts: (ctx) => ctx.t.onboarding.registryFile,
    async stage(ctx, file) {
      const t = ctx.t.onboarding.registryFile;
      const r = await ctx.services.registryUpload.stage({
        chatId: BigInt(ctx.chat!.id),
        userId: BigInt(ctx.from!.id),
        fileName: file.fileName,
        format: file.format,
        bytes: file.bytes,
        actorId: ctx.actor?.officialId ?? null,
        now: ctx.now,
      });
      if (!r.ok) return { text: t.errors(file.fileName, r.errors), pendingId: null };
      return { text: t.preview(r.preview), pendingId: r.pendingId };
    },
    decide: (ctx, input) =>
      ctx.services.registryUpload.decide({
        ...input,
        userId: BigInt(ctx.from!.id),
        actorId: ctx.actor?.officialId ?? null,
        now: ctx.now,
        updateId: BigInt(ctx.update.update_id),
      }),
    applied: (ctx, r) => {
      const t = ctx.t.onboarding.registryFile;
      return r.errors.length > 0 ? t.errors("", r.errors) : t.applied(r.changes);
    },
  });
}
