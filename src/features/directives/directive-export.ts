// The directives' sheets of `/export directives` (reports/exports.ts builds the file, reports/sheets.ts
// writes it): per item, its tasks in the four categories and the evidence attached to them; then one row per
// task (unit, official, due date, category, evidence). Headers and category names come from the Vietnamese
// catalogue (passed in).
import { plainText } from "../../domain/text.ts";
import type { CellValue, Sheet } from "../reports/sheets.ts";
import type { DirectiveService } from "./directives.ts";
import type { DirectiveRef, Tally } from "./views.ts";
import type { Timeliness } from "../../domain/ladder.ts";

export interface DirectiveSheetLabels {
  reference: (d: DirectiveRef) => string;
  categoryName: (c: Timeliness) => string;
  sheet: {
    name: string;
    columns: Record<
      | "directive"
      | "item"
      | "content"
      | "assignees"
      | "unit"
      | "responsible"
      | "task"
      | "due"
      | "category"
      | "awaiting"
      | "evidence",
      string
    >;
  };
}

const CATEGORIES: Timeliness[] = ["done_on_time", "done_late", "open_in_term", "open_overdue"];

export async function directiveSheets(
  directives: Pick<DirectiveService, "allProgress">,
  labels: DirectiveSheetLabels,
  now: Date,
): Promise<Sheet[]> {
  const C = labels.sheet.columns;
  const all = await directives.allProgress(now);
  const itemRows: CellValue[][] = [];
  const taskRows: CellValue[][] = [];
  for (const d of all) {
    const ref = plainText(labels.reference(d));
    for (const i of d.items) {
      const evidence = i.tasks.reduce((n, t) => n + t.evidence, 0);
      const counts = CATEGORIES.map((c) => i.tally[c as keyof Tally]);
      itemRows.push([ref, i.number, i.content, i.tasks.length, ...counts, i.tally.awaiting, evidence]);
      for (const t of i.tasks)
        taskRows.push([
          ref,
          i.number,
          t.unitName,
          t.responsibleName,
          t.taskId,
          t.dueDate,
          labels.categoryName(t.category),
          t.awaiting ? 1 : 0,
          t.evidence,
        ]);
    }
  }
  const col = (header: string, type: Sheet["columns"][number]["type"], width?: number) =>
    width === undefined ? { header, type } : { header, type, width };
  return [
    {
      name: labels.sheet.name,
      columns: [
        col(C.directive, "text", 40),
        col(C.item, "text", 8),
        col(C.content, "text", 60),
        col(C.assignees, "int"),
        ...CATEGORIES.map((c) => col(capital(labels.categoryName(c)), "int")),
        // of the open ones, reported done and waiting for confirmation (#19)
        col(C.awaiting, "int"),
        col(C.evidence, "int"),
      ],
      rows: itemRows,
    },
    {
      name: `${labels.sheet.name} - ${C.unit}`.slice(0, 31),
      columns: [
        col(C.directive, "text", 40),
        col(C.item, "text", 8),
        col(C.unit, "text", 20),
        col(C.responsible, "text", 24),
        col(C.task, "int"),
        col(C.due, "date"),
        col(C.category, "text", 26),
        col(C.awaiting, "int"),
        col(C.evidence, "int"),
      ],
      rows: taskRows,
    },
  ];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
