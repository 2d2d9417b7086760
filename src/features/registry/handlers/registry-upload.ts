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
    stage: (ctx, input) => ctx.services.registryUpload.stage(input),
    decide: (ctx, input) => ctx.services.registryUpload.decide(input),
    texts: (ctx) => {
      const t = ctx.t.onboarding.registryFile;
      // the file was checked again on ✅: the registry may have changed since the preview
      return { ...t, applied: (r) => (r.errors.length > 0 ? t.errors("", r.errors) : t.applied(r.changes)) };
    },
  });
}
