// The dashboard's one page, drawn on the server: styles and a script of a few hundred bytes that reads
// Telegram's init data and theme, fetches the views (pages.ts draws them) and sorts tables.
import { escapeHtml as h } from "../../../domain/text.ts";
import type { PageLabels } from "../messages.ts";

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
