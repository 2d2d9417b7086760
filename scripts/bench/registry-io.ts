// The registry of a whole data set written as the secretariat's file (XLSX: programmes, units, officials) and
// read back as a dry run, the check a file sent to the bot gets before its preview. Informational figures, so
// that a step whose cost grows with the square of the rows shows (session 14 found three such steps).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createRegistryIo } from "../../src/features/registry/registry-io.ts";
import { openDatabase } from "../../src/platform/db/client.ts";
import { at } from "./dataset.ts";

export async function registryRoundTrip(
  url: string,
): Promise<{ rows: number; exportMs: number; importMs: number; failed: string | null }> {
  const { db, close } = await openDatabase(url);
  const dir = mkdtempSync(join(tmpdir(), "dondoc-bench-registry-"));
  try {
    const io = createRegistryIo({ db });
    const file = join(dir, "danh-sach.xlsx");
    const now = at(9, 0);
    let t = performance.now();
    const { rows } = await io.exportFile(file, { now });
    const exportMs = Math.round(performance.now() - t);
    t = performance.now();
    // the whole file is checked in one transaction (120 s at most): a national file on PostgreSQL outlasts it
    const failed = await io.importFile(file, { now, dryRun: true }).then(
      (r) => (r.errors.length > 0 ? `the exported registry did not read back: ${r.errors[0]}` : null),
      (error: unknown) => {
        const lines = (error instanceof Error ? error.message : String(error)).split("\n").filter(Boolean);
        return lines.find((l) => /expired transaction/i.test(l)) ?? lines.at(-1) ?? "";
      },
    );
    return { rows, exportMs, importMs: Math.round(performance.now() - t), failed };
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
