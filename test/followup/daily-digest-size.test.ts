// The daily digest stays one Telegram message (issue #18, ADR 009): at national scale its lists run to
// thousands of lines; the message keeps the first ones, the totals, and says where to see the rest.
import { describe, expect, it } from "vitest";
import { oneMessage } from "../../src/features/followup/digests.ts";
import { digestVi } from "../../src/features/followup/messages/digests.ts";
import type { DailyDigestView } from "../../src/features/followup/messages/views.ts";

const task = (i: number) => ({
  id: i,
  title: `Báo cáo tiến độ giải ngân vốn đầu tư phát triển của xã số ${i}`,
  unitName: `Xã số ${i}`,
  dueDate: "2026-11-23",
  responsibleName: "Nguyễn Văn An",
});

describe("the daily digest in one message", () => {
  it("keeps the totals and the first lines, and points to the rest", () => {
    const full: DailyDigestView = {
      today: "2026-11-24",
      newlyOverdue: Array.from({ length: 900 }, (_, i) => task(i)),
      doneSince: "2026-11-23",
      done: Array.from({ length: 300 }, (_, i) => ({ ...task(1000 + i), byName: "Trần Văn Bình" })),
      overdueCount: 900,
      doneCount: 300,
      worst: [],
    };
    expect(digestVi.daily(full).length).toBeGreaterThan(50_000);
    const text = oneMessage(full, digestVi.daily);
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text).toContain("<b>Việc mới quá hạn</b> (900):");
    expect(text).toContain("<b>Việc đã hoàn thành từ 23/11/2026</b> (300):");
    expect(text).toMatch(/… và \d+ việc khác: gõ \/quahan để xem đủ\./);
    expect(text).toMatch(/… và \d+ việc khác: \/xuat viec để có danh sách đủ\./);
    expect(text).toContain("Xã số 0");
  });

  it("a digest that fits is left whole", () => {
    const small: DailyDigestView = {
      today: "2026-11-24",
      newlyOverdue: [task(1)],
      doneSince: "2026-11-23",
      done: [],
      overdueCount: 1,
      doneCount: 0,
      worst: [],
    };
    expect(oneMessage(small, digestVi.daily)).toBe(digestVi.daily(small));
    expect(oneMessage(small, digestVi.daily)).not.toContain("việc khác");
  });
});
