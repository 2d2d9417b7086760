// `npx tsx scripts/import-plans.ts <file.csv|file.xlsx>`: imports capital plans, all or nothing; every
// problem is printed with its row number and nothing is written when there is any.
import { existsSync } from "node:fs";
import { formatBillions } from "../src/domain/money-format.ts";
import { createPlanImport, readTable } from "../src/features/disbursement/plan-import.ts";
import { loadConfig, withDatabase } from "./env.ts";

const file = process.argv[2];
if (!file) {
  process.stderr.write("Cách dùng / usage: npx tsx scripts/import-plans.ts <tệp.csv|tệp.xlsx>\n");
  process.exit(2);
}
if (!existsSync(file)) {
  process.stderr.write(`Lỗi: Không đọc được tệp «${file}».\n`);
  process.exit(1);
}
const config = loadConfig({ BOT_TOKEN: process.env.BOT_TOKEN || "0:import" });
await withDatabase(config, async (db) => {
  const importer = createPlanImport({ db });
  const result = await importer.parse(await readTable(file));
  if (!result.ok) {
    process.stderr.write(["Không nhập được kế hoạch vốn, chưa ghi dòng nào:", ...result.errors].join("\n") + "\n");
    process.exitCode = 1;
  } else {
    const r = await importer.apply(result.rows, { now: new Date() });
    const total = result.rows.reduce((s, x) => s + x.amountVnd, 0n);
    process.stdout.write(
      `Đã nhập ${result.rows.length} dòng kế hoạch vốn (${r.created} mới, ${r.updated} cập nhật, ${r.unchanged} không đổi), tổng ${formatBillions(total)} tỷ.\n`,
    );
  }
});
