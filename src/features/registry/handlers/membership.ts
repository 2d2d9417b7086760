// The bot's own membership: removed from a group (LEFT), blocked in private (UNREACHABLE), added back
// (ACTIVE); a group upgraded to a supergroup (the chat and its pending messages move to the new id).
// Channel posts are not for this bot: they are ignored.
import type { Telegraf } from "telegraf";
import { vi } from "../../../i18n/vi.ts";
import type { BotContext } from "../../../platform/telegram/context.ts";

export function registerMembership(bot: Telegraf<BotContext>) {
  bot.on(["channel_post", "edited_channel_post"], () => undefined);

  bot.on("my_chat_member", async (ctx) => {
    const u = ctx.myChatMember;
    await ctx.services.chats.botMembershipChanged({
      telegramChatId: BigInt(u.chat.id),
      chatType: u.chat.type,
      title: "title" in u.chat ? u.chat.title : "",
      status: u.new_chat_member.status,
      byTelegramId: BigInt(u.from.id),
      now: ctx.now,
      updateId: BigInt(ctx.update.update_id),
      notices: vi.onboarding.notices,
    });
  });

  bot.on("message", async (ctx, next) => {
    const msg = ctx.message;
    if (!("migrate_to_chat_id" in msg)) return next();
    await ctx.services.chats.chatMigrated({
      oldId: BigInt(ctx.chat.id),
      newId: BigInt(msg.migrate_to_chat_id),
      now: ctx.now,
      notices: vi.onboarding.notices,
    });
  });
}
