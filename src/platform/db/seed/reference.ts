// Reference data every deployment needs, demo or not: the shipped working calendar (2023–2027) and the
// three National Target Programmes. Created on a database that has none yet, idempotently (several
// instances starting at once, or `npm run db:migrate` then the first start); edited there afterwards
// (`npm run cli -- programmes …`, the registry file's «Chương trình» sheet).
import { isUniqueViolation, type Db } from "../client.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { ensureCalendar } from "./calendar.ts";

/** code, Vietnamese name, English name: the three programmes of the source document, in display order. */
export const REFERENCE_PROGRAMMES = [
  ["NTM", "Xây dựng nông thôn mới", "New Rural Development"],
  ["GNBV", "Giảm nghèo bền vững", "Sustainable Poverty Reduction"],
  [
    "DTTS",
    "Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "Ethnic-Minority and Mountainous Areas",
  ],
] as const;

/** Creates the reference programmes when the database has no programme yet; the number created. */
export async function ensureProgrammes(db: Db): Promise<number> {
  if ((await db.programme.count()) > 0) return 0;
  let created = 0;
  for (const [i, [code, name, nameEn]] of REFERENCE_PROGRAMMES.entries()) {
    try {
      // one statement each, outside a transaction: a concurrent first start loses only the rows it raced for
      await db.programme.create({ data: { code, name, nameEn, nameKey: foldVietnamese(name), sortOrder: i } });
      created++;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return created;
}

/** The working calendar and the programmes, each only on a database that has none yet. */
export async function ensureReferenceData(db: Db): Promise<{ calendarDays: number; programmes: number }> {
  return { calendarDays: await ensureCalendar(db), programmes: await ensureProgrammes(db) };
}
