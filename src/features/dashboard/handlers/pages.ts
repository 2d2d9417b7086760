// The dashboard's HTML, drawn on the server: one small shell (styles, a script of a few hundred bytes that
// reads Telegram's init data and theme, fetches the views and sorts tables) and HTML fragments per view.
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

/** Light and dark follow Telegram's theme parameters (set as --tg-* by the script), else the system's. */
const STYLE = `:root{color-scheme:light dark;--bg:var(--tg-bg-color,#fff);--fg:var(--tg-text-color,#1b1d21);
--hint:var(--tg-hint-color,#6b7280);--link:var(--tg-link-color,#1a5fb4);--sec:var(--tg-secondary-bg-color,#f1f3f5);
--line:color-mix(in srgb,var(--fg) 15%,transparent);--bad:var(--tg-destructive-text-color,#c01c28)}
@media(prefers-color-scheme:dark){:root{--bg:var(--tg-bg-color,#17212b);--fg:var(--tg-text-color,#f5f5f5);
--hint:var(--tg-hint-color,#8c99a6);--link:var(--tg-link-color,#62a8ea);--sec:var(--tg-secondary-bg-color,#232e3c)}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.4 system-ui,-apple-system,
"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}main{max-width:760px;margin:0 auto;padding:12px}
h1{font-size:20px;margin:4px 0}h2{font-size:17px;margin:18px 0 6px}h3{font-size:15px;margin:12px 0 4px}
a{color:var(--link);text-decoration:none}.hint{color:var(--hint);font-size:13px;margin:2px 0 8px}
table{width:100%;border-collapse:collapse;table-layout:fixed}th,td{padding:6px 3px;border-bottom:1px solid var(--line);
vertical-align:top;text-align:right;font-size:14px}td[data-v]{white-space:nowrap}th{font-size:12px;color:var(--hint);font-weight:600;cursor:pointer;
user-select:none}th:first-child,td:first-child{text-align:left;width:41%}
th:nth-child(2){width:21%}td:first-child{white-space:normal}th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}tfoot td{font-weight:600}.p{display:block;color:var(--hint);
font-size:12px;font-weight:400}.card{background:var(--sec);border-radius:10px;padding:8px 10px;margin:6px 0}
.bad{color:var(--bad)}ul{padding-left:18px;margin:4px 0}li{margin:4px 0}.chart svg{width:100%;height:auto;
border-radius:8px}.err{color:var(--bad)}.l{display:inline-block;width:.65em;height:.65em;border-radius:50%;
margin-right:4px}.l.green{background:#2e9d4f}.l.yellow{background:#e5a50a}.l.red{background:#d0312d}
.l.none{background:var(--line)}`;

/**
 * The page's script. The proof (Telegram's init data from the URL fragment, or the Login Widget's fields
 * from the query) is kept in sessionStorage and sent with every view request; it leaves the address bar.
 */
function script(labels: PageLabels): string {
  const l = JSON.stringify({ u: labels.unauthorized, f: labels.forbidden });
  return `(()=>{const L=${l},s=sessionStorage,q=new URLSearchParams(location.hash.slice(1)),
d=q.get("tgWebAppData"),x=new URLSearchParams(location.search);
if(d)s.setItem("p","tma "+d);else if(x.has("hash"))s.setItem("p","login "+location.search.slice(1));
const t=q.get("tgWebAppThemeParams")||s.getItem("t");if(t){s.setItem("t",t);try{const o=JSON.parse(t);
for(const k in o)document.documentElement.style.setProperty("--tg-"+k.replace(/_/g,"-"),o[k])}catch(e){}}
const v0=location.hash.startsWith("#/")?location.hash.slice(1):"/";if(d||x.has("hash"))history.replaceState(null,"",location.pathname);
const m=document.getElementById("m");
async function go(v,push){const r=await fetch("view"+v,{headers:{authorization:s.getItem("p")||""}});
if(r.status===401){m.innerHTML="<p class=err id=refused>"+L.u+"</p>";return}
m.innerHTML=await r.text();if(push)history.pushState(null,"","#"+v);scrollTo(0,0)}
addEventListener("popstate",()=>go(location.hash.startsWith("#/")?location.hash.slice(1):"/",false));
document.addEventListener("click",e=>{const a=e.target.closest("[data-view]");if(a){e.preventDefault();go(a.dataset.view,true);return}
const th=e.target.closest("th[data-sort]");if(!th)return;const tb=th.closest("table").tBodies[0],i=th.cellIndex,
asc=th.getAttribute("aria-sort")!=="ascending",txt=th.dataset.sort==="text";
for(const o of th.parentNode.cells)o.removeAttribute("aria-sort");th.setAttribute("aria-sort",asc?"ascending":"descending");
const val=r=>{const c=r.cells[i].dataset.v;return txt?c:c===""?-Infinity:Number(c)};
[...tb.rows].sort((a,b)=>{const p=val(a),q=val(b),c=txt?p.localeCompare(q,"vi"):p-q;return asc?c:-c}).forEach(r=>tb.append(r))});
try{const w=window.TelegramWebviewProxy;if(w){w.postEvent("web_app_ready","{}");w.postEvent("web_app_expand","{}")}
else if(parent!==window)parent.postMessage('{"eventType":"web_app_ready","eventData":{}}',"*")}catch(e){}
go(v0,false)})()`.replace(/\n/g, "");
}

/** The shell: everything but data. */
export function shellPage(labels: PageLabels): string {
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${h(labels.title)}</title><style>${STYLE.replace(/\n/g, "")}</style></head>` +
    `<body><main id="m" aria-live="polite"><p class="hint">${h(labels.loading)}</p></main>` +
    `<script>${script(labels)}</script></body></html>`
  );
}

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
