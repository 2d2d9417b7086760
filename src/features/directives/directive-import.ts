// A directive's items from a CSV or XLSX file (docs/directive-files.md): one row per item and assignee
// (unit or department). The directive's own columns (Loại, Số/ký hiệu, Ngày ban hành, Cơ quan ban hành,
// Trích yếu) are given on the first row and may be repeated; the item's content on its first row. Every
// row is checked first and each problem reported with its row number; only a clean file is written, in one
// transaction: the directive (or the existing one with the same number, date and issuer), its new items,
// and one task per row through writeAssignment (audited, announced like /giao).
import type { Db, Tx } from "../../platform/db/client.ts";
import { parseDmy } from "../../domain/dates.ts";
import { asSentence, foldVietnamese, plainText } from "../../domain/text.ts";
import { parseRequirementCell } from "../../domain/task-flags.ts";
import type { UserError } from "../../platform/errors.ts";
import { audit } from "../../platform/db/audit.ts";
import { findActiveUnit } from "../registry/registry.ts";
import { writeAssignment, type AssignService, type ResolvedAssignment } from "../tasks/assign.ts";
import type { TaskMessages } from "../tasks/notices.ts";
import { DIRECTIVE_COLUMNS, itemDocRef, readDirectiveTable, type DirectiveHead } from "./directive-file.ts";

export interface DirectiveRow extends ResolvedAssignment {
  row: number;
  item: string;
  content: string;
  dueDate: string;
  /** the task is closed only with evidence attached */
  requiresEvidence: boolean;
  /** a reported completion waits for the assigner's (or the secretariat's) confirmation */
  requiresConfirmation: boolean;
}

export interface DirectiveFile {
  head: DirectiveHead;
  /** the register's directive with the same number, date and issuer, or null: a new one */
  existingId: number | null;
  rows: DirectiveRow[];
  /** items the file adds (numbers), in file order */
  newItems: string[];
}

export type DirectiveParseResult = { ok: true; file: DirectiveFile } | { ok: false; errors: string[] };

export interface DirectiveImportDeps {
  db: Db;
  assign: Pick<AssignService, "resolveAssignment">;
  messages: TaskMessages;
  errorText: (e: UserError) => string;
}

export function createDirectiveImport({ db, assign, messages, errorText }: DirectiveImportDeps) {
  /** The unit's lead, who answers for an item when the file names nobody: chairman, department focal, responsible. */
  async function leadOf(unitQuery: string): Promise<string | null> {
    const unit = await findActiveUnit(db, unitQuery).catch(() => null);
    if (!unit) return null;
    for (const role of ["CHAIRMAN", "DEPARTMENT_FOCAL", "RESPONSIBLE"] as const) {
      const o = await db.official.findFirst({
        where: { active: true, roles: { some: { role, unitId: unit.id, validTo: null } } },
        orderBy: { id: "asc" },
        select: { fullName: true },
      });
      if (o) return o.fullName;
    }
    return null;
  }

  async function parse(table: string[][], opts: { now: Date }): Promise<DirectiveParseResult> {
    const read = readDirectiveTable(table);
    if (!read.ok) return read;
    const errors = [...read.errors];
    const { kind, number, issuedOn, issuer, summary } = read;
    const itemContent = new Map<string, { content: string; row: number }>();

    const existing =
      issuedOn && issuer
        ? await db.directive.findUnique({
            where: { number_issuedOn_issuer: { number, issuedOn, issuer } },
            include: { items: { include: { tasks: { where: { status: { not: "CANCELLED" } } } } } },
          })
        : null;

    const rows: DirectiveRow[] = [];
    const newItems: string[] = [];
    const seen = new Map<string, number>();
    for (const { rowNo, raw } of read.rows) {
      const item = (raw.item ?? "").replace(/\.$/, "");
      const problems: string[] = [];
      if (!item) problems.push(`chưa ghi «${DIRECTIVE_COLUMNS.item}»`);
      else if (!/^[0-9A-Za-z]+([.][0-9A-Za-z]+)*$/.test(item) || item.length > 20)
        problems.push(`Mục «${item}» không hợp lệ (ví dụ: 1, 2, 1.a)`);
      const content = raw.content ?? "";
      const known = itemContent.get(item);
      const stored = existing?.items.find((x) => x.number === item);
      if (item && content) {
        if (content.length > 2000) problems.push(`«${DIRECTIVE_COLUMNS.content}» dài quá 2.000 ký tự`);
        else if (known && foldVietnamese(known.content) !== foldVietnamese(content))
          problems.push(`nội dung mục ${item} khác dòng ${known.row}`);
        else if (stored && foldVietnamese(stored.content) !== foldVietnamese(content))
          problems.push(`nội dung mục ${item} khác nội dung đã có trong danh mục văn bản`);
        else if (!known) itemContent.set(item, { content, row: rowNo });
      } else if (item && !known && !stored) problems.push(`chưa ghi «${DIRECTIVE_COLUMNS.content}» của mục ${item}`);
      const dueText = raw.due ?? "";
      const dueDate = dueText ? parseDmy(dueText, "2000-01-01") : null;
      if (!dueText) problems.push(`chưa ghi «${DIRECTIVE_COLUMNS.due}»`);
      else if (!/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(dueText) || !dueDate)
        problems.push(`Hạn «${dueText}» không phải ngày hợp lệ (dd/mm/yyyy)`);
      const requiresEvidence = parseRequirementCell(raw.evidence ?? "");
      if (requiresEvidence === null)
        problems.push(`«${DIRECTIVE_COLUMNS.evidence}» «${raw.evidence}» không hiểu được (Có hoặc Không)`);
      const requiresConfirmation = parseRequirementCell(raw.confirmation ?? "");
      if (requiresConfirmation === null)
        problems.push(`«${DIRECTIVE_COLUMNS.confirmation}» «${raw.confirmation}» không hiểu được (Có hoặc Không)`);
      const unitText = raw.unit ?? "";
      if (!unitText) problems.push(`chưa ghi «${DIRECTIVE_COLUMNS.unit}»`);
      let resolved: ResolvedAssignment | null = null;
      if (unitText) {
        const responsible = raw.responsible || (await leadOf(unitText)) || "";
        const r = await assign.resolveAssignment({
          unit: unitText,
          programme: raw.programme && raw.programme !== "-" ? raw.programme : null,
          responsible: responsible || "\u0000",
          dueDate: dueDate ?? "9999-12-31",
          actor: null,
          now: opts.now,
        });
        if (!r.ok) {
          for (const e of r.errors) {
            if (!responsible && e.refusal.key === "officialNotFound")
              problems.push(
                `đơn vị «${unitText}» chưa có người đứng đầu trong danh sách; đề nghị ghi «Người phụ trách»`,
              );
            else problems.push(plainText(errorText(e)));
          }
        } else resolved = r.value;
      }
      if (problems.length) {
        errors.push(...problems.map((p) => `Dòng ${rowNo}: ${asSentence(p)}`));
        continue;
      }
      const key = `${item}|${resolved!.unitId}`;
      const twin = seen.get(key);
      if (twin !== undefined) {
        errors.push(`Dòng ${rowNo}: trùng mục và đơn vị với dòng ${twin}.`);
        continue;
      }
      seen.set(key, rowNo);
      const already = stored?.tasks.find((t) => t.unitId === resolved!.unitId);
      if (already) {
        errors.push(`Dòng ${rowNo}: mục ${item} đã giao cho ${resolved!.unitName} (việc #${already.id}).`);
        continue;
      }
      if (!stored && !newItems.includes(item)) newItems.push(item);
      rows.push({
        row: rowNo,
        ...resolved!,
        item,
        content: (itemContent.get(item)?.content ?? stored?.content)!,
        dueDate: dueDate!,
        requiresEvidence: requiresEvidence!,
        requiresConfirmation: requiresConfirmation!,
      });
    }
    if (errors.length) return { ok: false, errors };
    const head: DirectiveHead = {
      kind: kind!,
      number,
      issuedOn: issuedOn!,
      issuer: issuer!.slice(0, 300),
      summary: summary!.slice(0, 1000),
    };
    return { ok: true, file: { head, existingId: existing?.id ?? null, rows, newItems } };
  }

  /** Writes a checked file in the caller's transaction; the directive's id and the tasks made. */
  async function applyIn(
    tx: Tx,
    file: DirectiveFile,
    opts: { now: Date; actorId: number | null; byName: string; action: string },
  ): Promise<{ directiveId: number; items: number; tasks: number }> {
    const { head } = file;
    let directiveId = file.existingId;
    if (directiveId === null) {
      const d = await tx.directive.create({ data: { ...head, createdById: opts.actorId, createdAt: opts.now } });
      await audit(tx, {
        at: opts.now,
        actorId: opts.actorId,
        action: opts.action,
        entity: "Directive",
        entityId: d.id,
        after: d,
      });
      directiveId = d.id;
    }
    const base = await tx.directiveItem.count({ where: { directiveId } });
    const itemIds = new Map<string, number>();
    for (const [k, number] of file.newItems.entries()) {
      const content = file.rows.find((r) => r.item === number)!.content;
      const it = await tx.directiveItem.create({ data: { directiveId, number, content, sortOrder: base + k } });
      await audit(tx, {
        at: opts.now,
        actorId: opts.actorId,
        action: opts.action,
        entity: "DirectiveItem",
        entityId: it.id,
        after: it,
      });
      itemIds.set(number, it.id);
    }
    for (const r of file.rows) {
      let itemId = itemIds.get(r.item);
      if (itemId === undefined) {
        itemId = (
          await tx.directiveItem.findUniqueOrThrow({ where: { directiveId_number: { directiveId, number: r.item } } })
        ).id;
        itemIds.set(r.item, itemId);
      }
      const view = await writeAssignment(
        tx,
        { ...r, title: r.content, docRef: itemDocRef(head, r.item), recurrence: "" },
        {
          officialId: opts.actorId,
          fullName: opts.byName,
          action: "task.directive",
          extra: { row: r.row, directiveId },
        },
        opts.now,
        messages,
      );
      await tx.task.update({ where: { id: view.taskId }, data: { directiveItemId: itemId } });
    }
    return { directiveId, items: file.newItems.length, tasks: file.rows.length };
  }

  async function apply(
    file: DirectiveFile,
    opts: { now: Date; actorId?: number | null; byName: string; action?: string },
  ) {
    return db.$transaction((tx) => applyIn(tx, file, { actorId: null, action: "directive.import", ...opts }), {
      timeout: 120_000,
      maxWait: 20_000,
    });
  }

  return { parse, apply, applyIn };
}

export type DirectiveImport = ReturnType<typeof createDirectiveImport>;
