// `npx tsx scripts/export.ts <kind> <file.xlsx|file.csv> [--period 11/2026|q4/2026|2026] [--separator ,]`:
// writes a report for leaders (tinhhinh/status, viec/tasks, giaingan/disbursement, ketqua/scorecards,
// chidao/directives) from the database DATABASE_URL
// names, as of now. XLSX is the recommended format. CSV is written for Excel on Vietnamese Windows
// (separator ";"); `--separator ,` for an Excel whose list separator is ",".
import { existsSync, writeFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parsePeriod } from "../src/domain/scorecard.ts";
import { EXPORT_KINDS, EXPORT_KINDS_VI, exportKindNamed } from "../src/features/reports/exports.ts";
import { createServices } from "../src/services.ts";
import { loadConfig, withDatabase } from "./env.ts";

const USAGE =
  `Cách dùng / usage: npx tsx scripts/export.ts <${EXPORT_KINDS.map((k) => `${EXPORT_KINDS_VI[k]}|${k}`).join("|")}> <tệp.xlsx|tệp.csv> [--period 11/2026|q4/2026|2026] [--separator ;|,]\n` +
  "Nên dùng XLSX / XLSX is recommended. CSV: dấu phân cách «;» (Excel tiếng Việt), «,» với --separator , / CSV: «;» (Vietnamese Excel), «,» with --separator ,\n";

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { period: { type: "string" }, separator: { type: "string" } },
  });
  const [word = "", file = ""] = positionals;
  const kind = exportKindNamed(word);
  const format = extname(file).toLowerCase().slice(1);
  const period = values.period === undefined ? undefined : parsePeriod(values.period);
  const separator = values.separator ?? ";";
  if (!kind || (format !== "xlsx" && format !== "csv") || period === null || (separator !== ";" && separator !== ",")) {
    process.stderr.write(USAGE);
    return 1;
  }
  if (!existsSync(dirname(resolve(file)))) {
    process.stderr.write(`Lỗi: Không có thư mục «${dirname(file)}» để ghi tệp.\n`);
    return 1;
  }
  const config = loadConfig({ BOT_TOKEN: process.env.BOT_TOKEN || "0:cli" });
  return withDatabase(config, async (db) => {
    const services = createServices({ db, config });
    const result = await services.exports.build(kind, {
      now: new Date(),
      ...(period ? { period } : {}),
      onProgress: (f) => void process.stderr.write(`\r${Math.round(f * 100)}%`),
    });
    writeFileSync(file, await services.exports.file(result, format, { separator }));
    process.stderr.write(`\r${file}: ${result.rows} dòng / rows\n`);
    return 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
