// /bangtheodoi (/dashboard): the button that opens the dashboard. In a private chat a web_app button (the
// Mini App gets signed init data); Telegram allows web_app buttons in private chats only, so in a group a
// login_url button (Telegram signs the user's id for the page; the domain must be linked with @BotFather
// /setdomain). What the page shows follows the opener's access, not the chat's.
import type { CommandSpec } from "../../../platform/telegram/commands.ts";

export const dashboardCommand: CommandSpec = {
  name: "bangtheodoi",
  aliases: ["dashboard"],
  chats: ["private", "group"],
  who: "registered",
  async handler(ctx) {
    const d = ctx.t.dashboard;
    const url = ctx.services.dashboard.appUrl;
    if (!url) return ctx.replyWithHTML(d.notConfigured);
    if (ctx.chat?.type === "private") {
      return ctx.replyWithHTML(d.open, {
        reply_markup: { inline_keyboard: [[{ text: d.button, web_app: { url } }]] },
      });
    }
    return ctx.replyWithHTML(d.openInGroup, {
      reply_markup: { inline_keyboard: [[{ text: d.button, login_url: { url, request_write_access: false } }]] },
    });
  },
};
