// `npm run db:seed`: the shipped working calendar, and the demo data (nine districts, three programmes,
// demo officials, plans, reports, tasks around today) when the database has no units yet.
import { localDate } from "../src/domain/dates.ts";
import { seedDemo, seedDirectiveDemo } from "../src/platform/db/seed/demo.ts";
import { loadConfig, withDatabase } from "./env.ts";

const config = loadConfig({ BOT_TOKEN: process.env.BOT_TOKEN || "0:seed" });
await withDatabase(config, async (db) => {
  const now = new Date();
  const r = await seedDemo(db, { today: localDate(now), now });
  if (r.seeded) await seedDirectiveDemo(db, { today: localDate(now), now });
  process.stdout.write(
    r.seeded
      ? "Đã nạp dữ liệu mẫu / demo data seeded.\n"
      : "Cơ sở dữ liệu đã có đơn vị: không nạp dữ liệu mẫu / database already has units: demo data not seeded.\n",
  );
});
