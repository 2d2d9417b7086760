// The dashboard's HTML fragments, drawn on the server, one per view (the page around them is shell.ts).
// No framework: a phone on a weak connection loads a few kilobytes (docs/dashboard.md has the weights).
import { formatDmy } from "../../../domain/dates.ts";
import type { Timeliness } from "../../../domain/ladder.ts";
import { formatBillions, formatPercentBp, formatPoints } from "../../../domain/money-format.ts";
import type { Light } from "../../../domain/pacing.ts";
import { escapeHtml as h } from "../../../domain/text.ts";
import type { ProgrammeStatusView } from "../../../i18n/types.ts";
import type { Figures, ProvinceBoard, TaskItem, UnitBoard } from "../dashboard.ts";
import type { DirectiveProgressView, DirectiveRef, Tally } from "../../directives/views.ts";
import type { PageLabels } from "../messages.ts";

/** The traffic light as a CSS dot (an emoji needs a colour font that not every phone or browser has). */
const dot = (l: Light | null, labels: PageLabels) =>
  `<i class="l ${l ?? "none"}" role="img" aria-label="${h(labels.lights[l ?? "none"])}"></i>`;

const rate = (f: { actualBp: number | null }) => (f.actualBp === null ? "–" : formatPercentBp(f.actualBp));
/** Signed points against the pace: negative is behind. */
const paceText = (gapBp: number | null) =>
  gapBp === null ? "–" : gapBp === 0 ? "0" : `${gapBp > 0 ? "−" : "+"}${formatPoints(Math.abs(gapBp))}`;
/** disbursed / plan in tỷ; the unit is said once per page (labels.amountsIn) */
const amounts = (f: { disbursedVnd: bigint; planVnd: bigint }) =>
  `${formatBillions(f.disbursedVnd)}/${formatBillions(f.planVnd)}`;
/** a sortable cell: the shown text, the value sorted by (empty: no value, sorted last) */
const num = (value: number | null, text: string, cls = "") =>
  `<td data-v="${value ?? ""}"${cls ? ` class="${cls}"` : ""}>${text}</td>`;

function figureCells(f: Figures, labels: PageLabels): string {
  return (
    num(f.actualBp, `${dot(f.light, labels)}${h(rate(f))}`) +
    num(f.gapBp === null ? null : -f.gapBp, h(paceText(f.gapBp)), f.light === "red" ? "bad" : "")
  );
}

export function provinceFragment(board: ProvinceBoard, labels: PageLabels): string {
  const rows = board.rows.map((r) => {
    const progs = board.programmes
      .map((p, i) => ({ p, c: r.cells[i]! }))
      .filter(({ c }) => c.planVnd > 0n || c.disbursedVnd > 0n)
      .map(({ p, c }) => `<span class="p">${h(p.code)} ${h(rate(c))} · ${h(amounts(c))}</span>`)
      .join("");
    return (
      `<tr data-unit="${r.unitId}"><td data-v="${h(r.unitName)}"><a href="#/unit/${r.unitId}" data-view="/unit/${r.unitId}">` +
      `${h(r.unitName)}</a>${progs}</td>${figureCells(r.total, labels)}` +
      num(r.openTasks, String(r.openTasks)) +
      num(r.overdueTasks, String(r.overdueTasks), r.overdueTasks > 0 ? "bad" : "") +
      `</tr>`
    );
  });
  const t = board.total;
  const open = board.rows.reduce((s, r) => s + r.openTasks, 0);
  const overdue = board.rows.reduce((s, r) => s + r.overdueTasks, 0);
  return (
    `<h1>${h(labels.province)}</h1><p class="hint">${h(labels.asOf(board.today, board.year))} · ` +
    `${h(labels.units(board.rows.length))} · ${h(labels.amountsIn)}. ${h(labels.sortHint)}</p>` +
    `<table id="board"><thead><tr><th data-sort="text">${h(labels.unit)}</th><th data-sort="num">${h(labels.rate)}</th>` +
    `<th data-sort="num">${h(labels.pace)}</th><th data-sort="num">${h(labels.open)}</th>` +
    `<th data-sort="num">${h(labels.overdue)}</th></tr></thead><tbody>${rows.join("")}</tbody>` +
    `<tfoot><tr><td>${h(labels.total)}<span class="p">${h(amounts(t))}</span></td>` +
    `${figureCells(t, labels)}<td>${open}</td><td>${overdue}</td></tr></tfoot></table>` +
    `<h2>${h(labels.chart)}</h2><div class="chart">${board.chartSvg}</div>` +
    directiveList(board, labels)
  );
}

const refText = (d: DirectiveRef, labels: PageLabels) =>
  labels.directiveRef(labels.kinds[d.kind] ?? d.kind, d.number, d.issuedOn, d.issuer);
const done = (t: Tally) => t.done_on_time + t.done_late;
const all = (t: Tally) => t.done_on_time + t.done_late + t.open_in_term + t.open_overdue;

/** The four categories of a tally, the non-empty ones, in the Government Office's order. */
function tallyText(t: Tally, labels: PageLabels): string {
  const order = ["done_on_time", "done_late", "open_in_term", "open_overdue"] as const;
  const parts = order.filter((k) => t[k] > 0).map((k) => `${t[k]} ${labels.categories[k].toLowerCase()}`);
  if (t.awaiting) parts.push(labels.awaitingCount(t.awaiting));
  return parts.length ? parts.join(" · ") : labels.none;
}

/** The directives followed, each a link to its page (the province's page only). */
function directiveList(board: ProvinceBoard, labels: PageLabels): string {
  if (board.directives.length === 0) return "";
  const items = board.directives.map(
    (d) =>
      `<li><a href="#/directive/${d.id}" data-view="/directive/${d.id}">${h(refText(d, labels))}</a>` +
      ` — ${h(labels.items(d.items))} · ${h(labels.doneOf(done(d.tally), all(d.tally)))}</li>`,
  );
  return `<h2>${h(labels.directives)}</h2><ul>${items.join("")}</ul>`;
}

/** A directive's page: its items and its units in the four categories. */
export function directiveFragment(v: DirectiveProgressView, labels: PageLabels): string {
  const items = v.items.map(
    (i) =>
      `<li><b>${h(labels.item(i.number))}</b>: ${h(i.content)}<br><span class="hint">${h(tallyText(i.tally, labels))}</span></li>`,
  );
  const units = v.units.map((u) => `<li>${h(u.unitName)}: ${h(tallyText(u.tally, labels))}</li>`);
  return (
    `<p><a href="#/" data-view="/province">${h(labels.back)}</a></p>` +
    `<h1>${h(refText(v, labels))}</h1><p class="hint">${h(v.summary)} · ${h(labels.figuresOn(v.today))}</p>` +
    `<p>${h(tallyText(v.tally, labels))}</p>` +
    `<h2>${h(labels.byItem)}</h2><ul>${items.join("")}</ul>` +
    `<h2>${h(labels.byUnit)}</h2><ul>${units.join("")}</ul>`
  );
}

function programmeCard(p: ProgrammeStatusView, labels: PageLabels): string {
  // the tasks of no programme come as a programme of their own, without figures
  const figures = p.programmeCode !== OTHER_TASKS;
  const lines = [
    `<b>${h(p.programmeCode)}</b>${p.basis === "CENTRAL" ? ` ${h(labels.central)}` : ""}` +
      (figures
        ? ` ${dot(p.light, labels)}${h(p.actualBp === null ? labels.noPlan : formatPercentBp(p.actualBp))}`
        : ""),
    p.actualBp === null
      ? ""
      : `${h(amounts(p))} ${h(labels.billion)} · ${h(
          p.gapBp === null
            ? ""
            : p.gapBp === 0
              ? labels.onPace
              : p.gapBp > 0
                ? labels.behind(formatPoints(p.gapBp))
                : labels.ahead(formatPoints(-p.gapBp)),
        )}${p.next ? ` · ${h(labels.nextMilestone(formatDmy(p.next.date), formatPercentBp(p.next.targetBp, 0)))}` : ""}`,
    `${h(labels.open)}: ${p.openTasks} · ${h(labels.overdue)}: <span${p.overdueTasks ? ' class="bad"' : ""}>${p.overdueTasks}</span>`,
  ];
  return `<div class="card" data-programme="${h(p.programmeCode)}">${lines.filter(Boolean).join("<br>")}</div>`;
}

function taskItem(t: TaskItem, labels: PageLabels): string {
  const when =
    (t.completedOn ? `${labels.due(t.dueDate)}, ${labels.doneOn(t.completedOn)}` : labels.due(t.dueDate)) +
    (t.awaiting ? `, ${labels.awaiting}` : "");
  const prog = t.programmeCode ? `${t.programmeCode} · ` : "";
  return `<li>${h(labels.task(t.id))}: ${h(t.title)} <span class="p">${h(prog + when)} · ${h(t.responsible)}</span></li>`;
}

/** status.ts's name for the tasks of no programme */
const OTHER_TASKS = "Khác";

const CATEGORY_ORDER: Timeliness[] = ["open_overdue", "open_in_term", "done_late", "done_on_time"];

export function unitFragment(board: UnitBoard, labels: PageLabels, backToProvince: boolean): string {
  const list = (items: string[]) =>
    items.length ? `<ul>${items.join("")}</ul>` : `<p class="hint">${h(labels.none)}</p>`;
  const tasks = CATEGORY_ORDER.map(
    (c) =>
      `<h3 id="${c}">${h(labels.categories[c])} (<span class="n">${board.tasks[c].length}</span>)</h3>` +
      list(board.tasks[c].map((t) => taskItem(t, labels))),
  );
  const obstacles = board.obstacles.map(
    (o) =>
      `<li>${h(labels.task(o.taskId))}: ${h(o.taskTitle)} <span class="p">${h(o.reason)} · ${h(labels.since(o.openedOn))}</span></li>`,
  );
  const requests = board.requests.map(
    (r) =>
      `<li>${h(r.docNo)} — ${h(r.subject)} <span class="p">${h(r.department)} · ${h(labels.answerBy(r.dueOn))}` +
      `${r.overdue ? ` · <b class="bad">${h(labels.late)}</b>` : ""}</span></li>`,
  );
  return (
    (backToProvince ? `<p><a href="#/" data-view="/province">${h(labels.back)}</a></p>` : "") +
    `<h1>${h(board.unitName)}</h1><p class="hint">${h(labels.asOf(board.today, board.year))}</p>` +
    `<h2>${h(labels.programmes)}</h2>${board.programmes.map((p) => programmeCard(p, labels)).join("")}` +
    (board.chartSvg ? `<h2>${h(labels.chart)}</h2><div class="chart">${board.chartSvg}</div>` : "") +
    `<h2>${h(labels.tasks)}</h2>${tasks.join("")}` +
    `<h2>${h(labels.obstacles)}</h2>${list(obstacles)}` +
    `<h2>${h(labels.requests)}</h2>${list(requests)}`
  );
}

/** A view that cannot be shown to this person (403, 404): one line. */
export function messageFragment(text: string): string {
  return `<p class="err" id="refused">${h(text)}</p>`;
}
