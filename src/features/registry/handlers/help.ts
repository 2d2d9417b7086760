// /help: the commands this person may use here, from the same declarations the guard enforces, grouped so
// that one phone screen holds them: Vietnamese names first, the English ones named once at the end.
import { allowed, shownName, type CommandSpec } from "../../../platform/telegram/commands.ts";
import { chatScope } from "../../../platform/telegram/context.ts";

/** The groups /help shows, in order; a command in none of them goes last, under "other". */
const GROUPS: { key: "follow" | "report" | "direct" | "admin"; commands: string[] }[] = [
  {
    key: "follow",
    commands: [
      "status",
      "tasks",
      "overdue",
      "history",
      "pending",
      "scorecard",
      "chart",
      "export",
      "bangtheodoi",
      "ketluan",
    ],
  },
  {
    key: "report",
    commands: ["report", "done", "giahan", "vangmat", "khongdat", "vuongmac", "hop", "yeucau", "traloi", "trunguong"],
  },
  { key: "direct", commands: ["giao", "broadcast", "dieuchuyen", "phutrach"] },
  {
    key: "admin",
    commands: [
      "bind",
      "unbind",
      "invite",
      "moi_hangloat",
      "ai",
      "canbo",
      "bangiao",
      "ngaynghi",
      "chuongtrinh",
      "start",
      "help",
    ],
  },
];

export function helpCommand(all: () => CommandSpec[]): CommandSpec {
  return {
    name: "help",
    chats: ["private", "group"],
    who: "anyone",
    async handler(ctx) {
      const scope = chatScope(ctx);
      const t = ctx.t.help;
      const mine = all().filter((c) => allowed(c, ctx.actor, scope) === null);
      const line = (c: CommandSpec) =>
        t.line({ command: shownName(c, ctx.t.lang), args: c.args ?? "" }, t.commands[c.name] ?? "");
      const grouped = new Set(GROUPS.flatMap((g) => g.commands));
      const sections = [
        ...GROUPS.map((g) => ({ title: t.groups[g.key], list: mine.filter((c) => g.commands.includes(c.name)) })),
        { title: t.groups.other, list: mine.filter((c) => !grouped.has(c.name)) },
      ].filter((s) => s.list.length > 0);
      const english = ctx.t.lang === "vi" ? mine.filter((c) => c.vi).map((c) => c.name) : [];
      return ctx.replyWithHTML(
        [
          t.header,
          ...sections.flatMap((s) => [`<b>${s.title}</b>`, ...s.list.map(line)]),
          "",
          t.replyHint,
          // files go to the bot in private, or in the group with a mention: privacy mode hides the others
          ...(ctx.actor?.roles.some((r) => r.role === "SECRETARIAT") ? [t.filesHint(ctx.me)] : []),
          ...(english.length ? [t.aliases(english)] : []),
        ].join("\n"),
      );
    },
  };
}
