// `npm run cli -- <lệnh> …` (scripts/cli.ts): the secretariat keeps the registry from the command line. Same
// services as the bot (src/services.ts), on the database the config names. Returns 1 on bad input. The
// streams and the config come in as parameters, so the tests run the commands in their own process.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { openDatabase } from "../../src/platform/db/client.ts";
import { formatDmy, localDate, localInstant, parseDmy } from "../../src/domain/dates.ts";
import type { AssignedView } from "../../src/features/tasks/messages.ts";
import { createServices, type Services } from "../../src/services.ts";
import { formatRowError, RegistryInputError, type ImportResult } from "../../src/features/registry/registry-io.ts";
import { IMPORT_ASSIGNER, readTaskFile, TaskFileError } from "../../src/features/tasks/task-import.ts";
import { CalendarFileError, changed, KIND_LABELS } from "../../src/features/registry/calendar-file.ts";
import { plainText } from "./transcript.ts";
import { formatPercentBp } from "../../src/domain/money-format.ts";
import { catalogue } from "../../src/i18n/index.ts";
import { userErrorText } from "../../src/i18n/errors.ts";
import { UserError } from "../../src/platform/errors.ts";
import type { Config } from "../../src/config.ts";
import { isNotMigrated, NOT_MIGRATED_TEXT } from "../../src/platform/db/not-migrated.ts";

/** Where a command writes its lines: standard output and standard error for `npm run cli`. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const HELP = `dondoc — sổ đăng ký cán bộ / registry command line

Cách dùng / usage: npm run cli -- <lệnh> [tùy chọn]

  import <tệp.csv|tệp.xlsx> [--dry-run]
      Nhập chương trình, đơn vị và cán bộ; kiểm tra mọi dòng trước, ghi tất cả hoặc không ghi gì.
      Import programmes, units and officials: every row is checked first; all rows are applied or none.
      --dry-run: chỉ kiểm tra và đếm thay đổi / check and count changes, write nothing.
  export <tệp.csv|tệp.xlsx> [--kind programmes|units|officials]
      Xuất danh sách (CSV: một bảng, mặc định cán bộ; XLSX: ba trang chương trình, đơn vị, cán bộ).
      Export the registry (CSV: one table, officials by default; XLSX: programmes, units, officials).
  programmes list
      Các chương trình đang theo dõi / the programmes followed.
  programmes office <mã> <sở, ban, văn phòng | không>
      Cơ quan trả lời vướng mắc của chương trình / the office that answers a programme's obstacles.
  programmes add <mã> <tên chương trình> [--en <tên tiếng Anh>]
      Thêm chương trình (mã: chữ không dấu, số, _ . -) / add a programme.
  official add --name <họ tên> --unit <đơn vị> [--title <chức vụ>] [--role <vai trò>]… [--telegram-id <số>] [--lang vi|en]
               [--programme <chương trình>]… [--project <dự án>]…
      Thêm cán bộ / add an official. Vai trò / roles: Văn phòng điều phối, Giám sát, Chủ tịch, Bí thư,
      Phụ trách, Đầu mối sở; có thể ghi đơn vị: "Giám sát (Nam Trà My)".
  official update <mã> [--name …] [--unit …] [--title …] [--role …]… [--telegram-id …] [--lang vi|en]
                       [--programme <chương trình>]… [--project <dự án>]…
      Sửa cán bộ; --role thay toàn bộ vai trò hiện có, --programme toàn bộ phần việc phụ trách ("NTM",
      "DTTS (Bắc Trà My)"; "-": không còn), --project các dự án theo thứ tự --programme.
      Update; --role replaces the current roles, --programme the responsibilities (--project: their projects).
  official deactivate <mã>
      Ngừng hoạt động: kết thúc vai trò và phân công (cần bàn giao việc đang mở trước).
      Deactivate: ends roles and responsibilities (open tasks must be handed over first).
  who [đơn vị] [chương trình]
      Ai phụ trách việc gì / who is responsible for what.
  handover --from <mã> --to <mã> [--unit …] [--programme …] [--reason …]
      Bàn giao phân công và việc đang mở / hand responsibilities and open tasks over.
  audit export <tệp.csv|tệp.xlsx> [--since dd/mm/yyyy]
      Xuất nhật ký thay đổi / export the audit log.
  milestones set --year <năm> [--unit <đơn vị>] [--programme <chương trình>] <dd/mm=phần trăm>…
      Đặt mốc tiến độ giải ngân (ví dụ 30/06=50 30/09=75 31/12=100 31/01/2027=100); không ghi mốc: xóa mốc riêng.
      Set disbursement milestones for a year (all units, or one unit / programme); none: remove that scope's own set.
  tasks import <tệp.csv|tệp.xlsx> [--dry-run]
      Giao việc theo tệp (docs/task-files.md): kiểm tra mọi dòng trước, giao tất cả hoặc không giao việc nào.
      Assign tasks from a file: every row is checked first; all rows are applied or none.
  tasks add --unit <đơn vị> --official <người phụ trách> --due dd/mm/yyyy --title <tiêu đề>
            [--programme <chương trình>] [--doc <số/ký hiệu văn bản>] [--project <dự án>] [--repeat "hằng tháng ngày 5"]
            [--evidence] [--confirm]
      Giao một việc / assign one task (thông báo như /giao / announced like /giao).
  directives import <tệp.csv|tệp.xlsx> [--dry-run]
      Nhập các mục của một kết luận, chỉ thị (docs/directive-files.md): mỗi dòng một mục và một đơn vị thực hiện;
      tất cả hoặc không dòng nào. Import a directive's items (one task per item and unit): all rows or none.
  calendar import <tệp.csv|tệp.xlsx> [--dry-run]
      Ngày nghỉ lễ và ngày làm việc bù (docs/calendar-files.md: Ngày, Loại Nghỉ/Làm bù, Tên): kiểm tra mọi dòng trước,
      ghi tất cả hoặc không ghi gì; ngày đã có mà tệp không ghi thì giữ nguyên.
      Holidays and make-up working days from a file: all rows or none; days not in the file are kept.
  calendar export <tệp.csv|tệp.xlsx> [--year <năm>]
      Xuất lịch ngày nghỉ, ngày làm bù (một năm hoặc tất cả) theo mẫu nhập / export in the import's format.

Cơ sở dữ liệu / database: DATABASE_URL (mặc định / default file:./data/dondoc.db).
Định dạng tệp / file formats: docs/registry-files.md, docs/task-files.md, docs/directive-files.md,
  docs/calendar-files.md
`;

class CliInputError extends Error {}

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    throw new CliInputError(`Tùy chọn không hợp lệ / bad option: ${msg}`);
  }
}

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new CliInputError(`Cần đúng một ${what}.`);
  return positionals[0];
}

function officialId(s: string | undefined, what = "mã cán bộ"): number {
  if (s === undefined || !/^\d+$/.test(s)) throw new CliInputError(`Cần ${what} là một số (gặp «${s ?? ""}»).`);
  return Number(s);
}

const officialOptions = {
  name: { type: "string" },
  unit: { type: "string" },
  title: { type: "string" },
  role: { type: "string", multiple: true },
  "telegram-id": { type: "string" },
  lang: { type: "string" },
  programme: { type: "string", multiple: true },
  project: { type: "string", multiple: true },
} as const;

/** The official's fields as `official add` and `official update` read them. */
function officialFields(values: ReturnType<typeof parse<typeof officialOptions>>["values"]) {
  return {
    name: values.name,
    unit: values.unit,
    title: values.title,
    roles: values.role,
    telegramId: values["telegram-id"],
    lang: values.lang,
    programmes: values.programme,
    projects: values.project,
  };
}

function printImport(r: ImportResult, out: (s: string) => void) {
  if (r.errors.length > 0) {
    out(`Tệp có ${r.errors.length} dòng lỗi, không ghi gì / ${r.errors.length} bad rows, nothing written:`);
    for (const e of r.errors) out(`  ${formatRowError(e)}`);
    return;
  }
  const entries = Object.entries(r.changes);
  const total = entries.reduce((n, [, c]) => n + c, 0);
  const programmes = r.rows.programmes > 0 ? `${r.rows.programmes} dòng chương trình, ` : "";
  out(`Đã đọc ${programmes}${r.rows.units} dòng đơn vị, ${r.rows.officials} dòng cán bộ.`);
  if (total === 0) out("Không có thay đổi / no changes.");
  else {
    out(
      `${r.dryRun ? "Sẽ có" : "Đã ghi"} ${total} thay đổi${r.dryRun ? " (chạy thử, chưa ghi / dry run, nothing written)" : ""}:`,
    );
    for (const [action, n] of entries) out(`  ${action}: ${n}`);
  }
}

async function run(argv: string[], services: Services, io: CliIo): Promise<number> {
  const { out } = io;
  const [command, ...rest] = argv;
  const now = new Date();
  switch (command) {
    case "import": {
      const { values, positionals } = parse(rest, { "dry-run": { type: "boolean" } });
      const r = await services.registryIo.importFile(one(positionals, "tệp .csv hoặc .xlsx"), {
        now,
        dryRun: values["dry-run"] ?? false,
      });
      printImport(r, out);
      return r.errors.length > 0 ? 1 : 0;
    }
    case "export": {
      const { values, positionals } = parse(rest, { kind: { type: "string" } });
      const kind = values.kind;
      if (kind !== undefined && kind !== "programmes" && kind !== "units" && kind !== "officials") {
        throw new CliInputError(`--kind phải là programmes, units hoặc officials (gặp «${kind}»).`);
      }
      const file = one(positionals, "tệp .csv hoặc .xlsx");
      const r = await services.registryIo.exportFile(file, { kind, now });
      out(`Đã xuất ${r.rows} dòng vào ${file} / exported ${r.rows} rows.`);
      return 0;
    }
    case "official": {
      const [sub, ...args] = rest;
      if (sub === "add") {
        const { values, positionals } = parse(args, officialOptions);
        if (positionals.length > 0) throw new CliInputError(`Thừa tham số «${positionals.join(" ")}».`);
        const r = await services.registryAdmin.addOfficial(officialFields(values), { now });
        out(`Đã thêm cán bộ mã ${r.id} / added official ${r.id}.`);
        return 0;
      }
      if (sub === "update") {
        const { values, positionals } = parse(args, officialOptions);
        const id = officialId(one(positionals, "mã cán bộ"));
        const r = await services.registryAdmin.updateOfficial(id, officialFields(values), { now });
        const renamed = r.renamed ? ` (đổi họ tên «${r.renamed.from}» thành «${r.renamed.to}»)` : "";
        out(
          r.changes === 0
            ? "Không có thay đổi / no changes."
            : `Đã ghi ${r.changes} thay đổi cho cán bộ mã ${id}${renamed}.`,
        );
        return 0;
      }
      if (sub === "deactivate") {
        const { positionals } = parse(args, {});
        const id = officialId(one(positionals, "mã cán bộ"));
        const r = await services.registryAdmin.deactivateOfficial(id, { now });
        out(
          `Đã ngừng hoạt động cán bộ mã ${id}: kết thúc ${r.endedRoles} vai trò, ${r.endedResponsibilities} phân công.`,
        );
        return 0;
      }
      throw new CliInputError(`Lệnh «official ${sub ?? ""}» không có: dùng official add | update | deactivate.`);
    }
    case "programmes": {
      const [sub, ...args] = rest;
      if (sub === "list") {
        const { positionals } = parse(args, {});
        if (positionals.length > 0) throw new CliInputError(`Thừa tham số «${positionals.join(" ")}».`);
        const programmes = await services.registryAdmin.listProgrammes();
        const offices = new Map(
          (await services.registryAdmin.programmeOffices()).map((p) => [p.code, p.officeName] as const),
        );
        if (programmes.length === 0) out("Chưa có chương trình nào / no programmes.");
        for (const p of programmes) {
          const office = offices.get(p.code);
          out(
            `${p.code} · ${p.name}${p.nameEn && p.nameEn !== p.name ? ` · ${p.nameEn}` : ""}` +
              (office ? ` · cơ quan chủ trì: ${office}` : ""),
          );
        }
        return 0;
      }
      if (sub === "add") {
        const { values, positionals } = parse(args, { en: { type: "string" } });
        const [code, ...words] = positionals;
        if (code === undefined || words.length === 0)
          throw new CliInputError("Dùng: programmes add <mã> <tên chương trình> [--en <tên tiếng Anh>].");
        const p = await services.registryAdmin.addProgramme(
          { code, name: words.join(" "), nameEn: values.en },
          { now },
        );
        out(`Đã thêm chương trình ${p.code}: ${p.name} / added programme ${p.code}.`);
        return 0;
      }
      if (sub === "office") {
        const { positionals } = parse(args, {});
        const [code, ...words] = positionals;
        if (code === undefined || words.length === 0)
          throw new CliInputError("Dùng: programmes office <mã> <tên sở, ban, văn phòng>.");
        const r = await services.registryAdmin.setProgrammeOffice({ code, unit: words.join(" ") }, { now });
        out(
          r.officeName
            ? `Vướng mắc của chương trình ${r.code} chuyển ${r.officeName} trả lời / obstacles go to ${r.officeName}.`
            : `Chương trình ${r.code} không còn cơ quan chủ trì: Văn phòng điều phối xử lý vướng mắc / no office.`,
        );
        return 0;
      }
      throw new CliInputError(`Lệnh «programmes ${sub ?? ""}» không có: dùng programmes list | add | office.`);
    }
    case "who": {
      const { positionals } = parse(rest, {});
      if (positionals.length > 2) throw new CliInputError("who nhận tối đa hai tham số: [đơn vị] [chương trình].");
      const lines = await services.registryAdmin.who({ unit: positionals[0], programme: positionals[1], now });
      if (lines.length === 0) {
        out("Chưa có ai được phân công / nobody is responsible.");
        return 0;
      }
      for (const l of lines) {
        const project = l.project ? ` · dự án ${l.project}` : "";
        const tg = l.telegramUserId === null ? " · chưa có Telegram" : "";
        out(
          `${l.unit} · ${l.programme}${project}: ${l.fullName}${l.title ? ` (${l.title})` : ""} · mã ${l.officialId}${tg}`,
        );
      }
      return 0;
    }
    case "handover": {
      const { values, positionals } = parse(rest, {
        from: { type: "string" },
        to: { type: "string" },
        unit: { type: "string" },
        programme: { type: "string" },
        reason: { type: "string" },
      });
      if (positionals.length > 0) throw new CliInputError(`Thừa tham số «${positionals.join(" ")}».`);
      const r = await services.registryAdmin.handover(
        {
          fromId: officialId(values.from, "--from <mã cán bộ>"),
          toId: officialId(values.to, "--to <mã cán bộ>"),
          unit: values.unit,
          programme: values.programme,
          reason: values.reason,
        },
        { now },
      );
      out(`Đã bàn giao ${r.responsibilities} phân công và ${r.tasks} việc đang mở / handed over.`);
      return 0;
    }
    case "audit": {
      const [sub, ...args] = rest;
      if (sub !== "export") throw new CliInputError("Dùng: audit export <tệp.csv|tệp.xlsx> [--since dd/mm/yyyy].");
      const { values, positionals } = parse(args, { since: { type: "string" } });
      let since: Date | undefined;
      if (values.since !== undefined) {
        const day = parseDmy(values.since, localDate(now));
        if (!day) throw new CliInputError(`Ngày «${values.since}» không hợp lệ (dd/mm/yyyy).`);
        since = localInstant(day, 0);
      }
      const file = one(positionals, "tệp .csv hoặc .xlsx");
      const r = await services.registryIo.exportAudit(file, { since });
      out(`Đã xuất ${r.rows} dòng nhật ký vào ${file} / exported ${r.rows} audit entries.`);
      return 0;
    }
    case "tasks":
      return runTasks(rest, services, io, now);
    case "milestones":
      return runMilestones(rest, services, out, now);
    case "directives":
      return runDirectives(rest, services, out, now);
    case "calendar":
      return runCalendar(rest, services, out, now);
    default:
      throw new CliInputError(`Lệnh «${command}» không có / unknown command.`);
  }
}

async function runTasks(rest: string[], services: Services, { out, err }: CliIo, now: Date): Promise<number> {
  const [sub, ...args] = rest;
  const importer = services.taskImport;
  const line = (v: AssignedView) =>
    `  #${v.taskId} · ${v.unitName} · ${v.responsibleName} · hạn ${formatDmy(v.dueDate)} · ${v.title}${v.recurrence ? " · lặp lại hằng tháng" : ""}`;
  if (sub === "import") {
    const { values, positionals } = parse(args, { "dry-run": { type: "boolean" } });
    const file = one(positionals, "tệp .csv hoặc .xlsx");
    const r = await importer.parse(await readTaskFile(file), { now });
    if (!r.ok) {
      out(`Tệp có lỗi, không giao việc nào / nothing assigned:`);
      for (const e of r.errors) out(`  ${e}`);
      return 1;
    }
    if (values["dry-run"]) {
      out(`Tệp hợp lệ: sẽ giao ${r.rows.length} việc (chạy thử, chưa ghi / dry run, nothing written):`);
      for (const x of r.rows)
        out(`  Dòng ${x.row}: ${x.unitName} · ${x.responsibleName} · hạn ${formatDmy(x.dueDate)} · ${x.title}`);
      return 0;
    }
    const views = await importer.apply(r.rows, { now });
    out(`Đã giao ${views.length} việc / assigned ${views.length} tasks:`);
    for (const v of views) out(line(v));
    return 0;
  }
  if (sub === "add") {
    const { values, positionals } = parse(args, {
      unit: { type: "string" },
      official: { type: "string" },
      due: { type: "string" },
      title: { type: "string" },
      programme: { type: "string" },
      doc: { type: "string" },
      project: { type: "string" },
      repeat: { type: "string" },
      // #19: cần minh chứng, cần xác nhận
      evidence: { type: "boolean" },
      confirm: { type: "boolean" },
    });
    if (positionals.length > 0) throw new CliInputError(`Thừa tham số «${positionals.join(" ")}».`);
    const r = await importer.add(
      {
        unit: values.unit ?? "",
        responsible: values.official ?? "",
        due: values.due ?? "",
        title: values.title ?? "",
        programme: values.programme ?? "",
        docRef: values.doc ?? "",
        project: values.project ?? "",
        repeat: values.repeat ?? "",
        evidence: values.evidence ? "Có" : "",
        confirmation: values.confirm ? "Có" : "",
      },
      { now },
    );
    if (!r.ok) {
      for (const e of r.errors) err(`Lỗi: ${e}`);
      return 1;
    }
    out(`Đã giao việc / assigned:`);
    out(line(r.view));
    return 0;
  }
  throw new CliInputError(`Lệnh «tasks ${sub ?? ""}» không có: dùng tasks import | add.`);
}

async function runDirectives(rest: string[], services: Services, out: (s: string) => void, now: Date) {
  const [sub, ...args] = rest;
  if (sub !== "import") throw new CliInputError(`Lệnh «directives ${sub ?? ""}» không có: dùng directives import.`);
  const { values, positionals } = parse(args, { "dry-run": { type: "boolean" } });
  const file = one(positionals, "tệp .csv hoặc .xlsx");
  const r = await services.directiveImport.parse(await readTaskFile(file), { now });
  if (!r.ok) {
    out(`Tệp có lỗi, không ghi gì / nothing written:`);
    for (const e of r.errors) out(`  ${e}`);
    return 1;
  }
  const f = r.file;
  for (const x of f.rows)
    out(`  Dòng ${x.row}: mục ${x.item} · ${x.unitName} · ${x.responsibleName} · hạn ${formatDmy(x.dueDate)}`);
  if (values["dry-run"]) {
    out(`Tệp hợp lệ: sẽ ghi ${f.newItems.length} mục, giao ${f.rows.length} việc (chạy thử, chưa ghi / dry run).`);
    return 0;
  }
  const done = await services.directiveImport.apply(f, { now, byName: IMPORT_ASSIGNER });
  out(`Đã ghi ${done.items} mục, giao ${done.tasks} việc (văn bản số ${done.directiveId} trong danh mục) / recorded.`);
  return 0;
}

async function runCalendar(rest: string[], services: Services, out: (s: string) => void, now: Date) {
  const [sub, ...args] = rest;
  if (sub === "export") {
    const { values, positionals } = parse(args, { year: { type: "string" } });
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
      throw new CliInputError(`Cần --year là một năm (gặp «${values.year}»).`);
    const file = one(positionals, "tệp .csv hoặc .xlsx");
    const n = await services.calendarFiles.exportFile(file, { year });
    out(`Đã xuất ${n} ngày vào ${file} / exported ${n} days.`);
    return 0;
  }
  if (sub !== "import")
    throw new CliInputError(`Lệnh «calendar ${sub ?? ""}» không có: dùng calendar import | export.`);
  const { values, positionals } = parse(args, { "dry-run": { type: "boolean" } });
  const dryRun = values["dry-run"] ?? false;
  const r = await services.calendarFiles.importFile(one(positionals, "tệp .csv hoặc .xlsx"), { now, dryRun });
  if (!r.ok) {
    out(`Tệp có ${r.errors.length} lỗi, không ghi gì / nothing written:`);
    for (const e of r.errors) out(`  ${e}`);
    return 1;
  }
  const news = r.days.filter(changed);
  for (const d of news)
    out(
      `  Dòng ${d.row}: ${formatDmy(d.date)} · ${KIND_LABELS[d.kind]} · ${d.name}${d.before ? ` (trước đây: ${KIND_LABELS[d.before.kind]} · ${d.before.name})` : ""}`,
    );
  const added = news.filter((d) => d.before === null).length;
  // what was written, as counted in the transaction (the calendar may have changed since the check)
  const w = r.applied ?? { created: added, updated: news.length - added, unchanged: r.days.length - news.length };
  const counts = `thêm ${w.created}, sửa ${w.updated}, không đổi ${w.unchanged}`;
  out(
    dryRun
      ? `Tệp hợp lệ: sẽ ${counts} (chạy thử, chưa ghi / dry run, nothing written).`
      : `Đã ghi lịch làm việc: ${counts} / calendar updated.`,
  );
  return 0;
}

/** "30/06=50", "31/12=100%", "31/01/2027=100", "30/9=72,5": a milestone date and its target rate. */
function milestonePoint(arg: string, year: number): { date: string; targetBp: number } {
  const m = /^(\d{1,2}\/\d{1,2}(?:\/\d{4})?)=(\d{1,3})(?:[.,](\d{1,2}))?%?$/.exec(arg);
  const date = m?.[1] ? parseDmy(m[1], `${year}-01-01`) : null;
  if (!m || !date)
    throw new CliInputError(
      `Mốc «${arg}» không hợp lệ: ghi dd/mm=phần trăm, ví dụ 30/06=50 hoặc 31/01/${year + 1}=100.`,
    );
  return { date, targetBp: Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0")) };
}

async function runMilestones(rest: string[], services: Services, out: (s: string) => void, now: Date): Promise<number> {
  const [sub, ...args] = rest;
  if (sub !== "set")
    throw new CliInputError("Dùng: milestones set --year <năm> [--unit …] [--programme …] <dd/mm=phần trăm>…");
  const { values, positionals } = parse(args, {
    year: { type: "string" },
    unit: { type: "string" },
    programme: { type: "string" },
  });
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new CliInputError(`Cần --year là một năm (gặp «${values.year ?? ""}»).`);
  const points = positionals.map((p) => milestonePoint(p, year));
  const unitId = values.unit ? (await services.registry.findUnit(values.unit)).id : null;
  let programmeId: number | null = null;
  if (values.programme) {
    const programme = await services.disbursement.findProgramme(values.programme).catch(() => null);
    if (!programme) throw new CliInputError(`Chương trình «${values.programme}» không rõ / unknown programme.`);
    programmeId = programme.id;
  }
  const count = await services.disbursement.setMilestones({ year, unitId, programmeId, points, now });
  out(
    count
      ? `Đã đặt ${count} mốc tiến độ năm ${year}: ${points.map((p) => `${formatDmy(p.date)} ${formatPercentBp(p.targetBp, p.targetBp % 100 === 0 ? 0 : p.targetBp % 10 === 0 ? 1 : 2)}`).join(", ")}.`
      : `Đã xóa các mốc riêng của phạm vi này: áp dụng mốc chung / removed: the general milestones apply.`,
  );
  return 0;
}

/** Runs one command line; `config` is read only when a command needs the database. */
export async function runCli(argv: string[], io: CliIo, config: () => Config): Promise<number> {
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    io.out(HELP.trimEnd());
    return argv.length === 0 ? 1 : 0;
  }
  const cfg = config();
  const { db, close } = await openDatabase(cfg.databaseUrl);
  try {
    return await run(argv, createServices({ db, config: cfg }), io);
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`Lỗi: ${plainText(userErrorText(catalogue("vi"), error))}`);
      return 1;
    }
    if (
      error instanceof CliInputError ||
      error instanceof RegistryInputError ||
      error instanceof TaskFileError ||
      error instanceof CalendarFileError
    ) {
      io.err(`Lỗi: ${error.message}`);
      if (error instanceof CliInputError) io.err("Gõ / type: npm run cli -- help");
      return 1;
    }
    if (isNotMigrated(error)) {
      io.err(`Lỗi: ${NOT_MIGRATED_TEXT}`);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
