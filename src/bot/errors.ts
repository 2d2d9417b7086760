// The error boundary: expected problems become one translated line; anything else is logged with the
// update id and gets a generic apology. Sending that reply can never throw, and no update stops the bot.
import type { Logger } from "../logger.ts";
import type { Catalogue } from "../i18n/index.ts";
import { taskErrorText } from "../i18n/tasks.ts";
import { followupErrorText } from "../i18n/followup.ts";
import { DuplicateUpdate, UserError } from "../services/errors.ts";
import { isUniqueViolation } from "../db/client.ts";
import type { BotContext } from "./context.ts";

export function userErrorText(t: Catalogue, e: UserError): string {
  const p = e.params as { query: string; names: string[]; title: string; on: string };
  switch (e.code) {
    case "notRegistered":
      return t.errors.notRegistered;
    case "chatNotBound":
      return t.errors.chatNotBound;
    case "unitNotFound":
      return t.errors.unitNotFound(p.query);
    case "unitAmbiguous":
      return t.errors.unitAmbiguous(p.query, p.names);
    case "notAReminder":
      return t.done.notAReminder;
    case "notAllowed":
      return t.done.notAllowed;
    case "taskGone":
      return t.done.taskGone;
    case "alreadyDone":
      return t.done.alreadyDone(p.title, p.on);
    case "task":
      return taskErrorText(t, e.params);
    case "officialNotFound":
      return t.onboarding.officialNotFound(p.query);
    case "officialAmbiguous":
      return t.onboarding.officialAmbiguous(p.query, p.names);
    case "officialInactive":
      return t.onboarding.officialInactive(String(e.params.name ?? ""));
    case "followup":
      return followupErrorText(t, e.params);
  }
}

export function createErrorBoundary(logger: Logger) {
  return async (error: unknown, ctx: BotContext) => {
    const updateId = ctx.update?.update_id;
    if (error instanceof DuplicateUpdate || isUniqueViolation(error, "ProcessedUpdate")) {
      logger.info({ updateId }, "update already processed: ignored");
      return;
    }
    let text: string;
    if (error instanceof UserError) text = userErrorText(ctx.t, error);
    else {
      logger.error({ err: error, updateId }, "update failed");
      text = ctx.t.errors.generic;
    }
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(text.replace(/<[^>]+>/g, "").slice(0, 190), { show_alert: true });
      else if (ctx.chat) await ctx.replyWithHTML(text);
    } catch (sendError) {
      logger.warn({ err: sendError, updateId }, "could not send the error reply");
    }
  };
}
