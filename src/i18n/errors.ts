// An expected problem (a UserError) as one line of the asker's catalogue.
import type { Catalogue } from "./index.ts";
import { taskErrorText } from "../features/tasks/messages.ts";
import { followupErrorText } from "../features/followup/messages.ts";
import type { UserError } from "../platform/errors.ts";

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
