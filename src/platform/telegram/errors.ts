// The error boundary: expected problems become one translated line; anything else is logged with the
// update id and gets a generic apology. The boundary itself can never throw: the catalogue falls back to the
// default language (the language is read from the database, which may be what failed), and a reply that
// cannot be sent is logged. An update that failed because the database was unavailable gets no apology: it
// is handed back as NotHandled, so that polling does not confirm it and a webhook answers 500, and it is
// handled again once the database is back (src/platform/telegram/updates.ts).
import type { Logger } from "../logger.ts";
import { catalogue, type Catalogue, type Lang } from "../../i18n/index.ts";
import { userErrorText } from "../../i18n/errors.ts";
import { DuplicateUpdate, UserError } from "../errors.ts";
import { isUniqueViolation } from "../db/client.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import type { BotContext } from "./context.ts";

/** The update could not be handled now (the database is unavailable); it must be delivered again. */
export class NotHandled extends Error {
  constructor(
    readonly updateId: number | undefined,
    override readonly cause: unknown,
  ) {
    super(`update ${updateId} not handled: the database is unavailable`);
    this.name = "NotHandled";
  }
}

/** For bot.catch: never throws, except NotHandled, which the caller of handleUpdate must see. */
export function createErrorBoundary(logger: Logger, defaultLanguage: Lang) {
  return async (error: unknown, ctx: BotContext): Promise<void> => {
    const updateId = ctx.update?.update_id;
    if (error instanceof DuplicateUpdate || isUniqueViolation(error, "ProcessedUpdate")) {
      logger.info({ updateId }, "update already processed: ignored");
      return;
    }
    if (error instanceof NotHandled) throw error;
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: error, updateId }, "database unavailable: the update will be handled again");
      throw new NotHandled(updateId, error);
    }
    // ctx.t is set only once the update's sender was looked up, which is what may have failed
    const t = (ctx.t as Catalogue | undefined) ?? catalogue(defaultLanguage);
    let text: string;
    if (error instanceof UserError) text = userErrorText(t, error);
    else {
      logger.error({ err: error, updateId }, "update failed");
      text = t.errors.generic;
    }
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(text.replace(/<[^>]+>/g, "").slice(0, 190), { show_alert: true });
      else if (ctx.chat) await ctx.replyWithHTML(text);
    } catch (sendError) {
      logger.warn({ err: sendError, updateId }, "could not send the error reply");
    }
  };
}
