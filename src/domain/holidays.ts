// Vietnam's official days off for civil servants (công chức, viên chức), 2023–2027,
// and the announced make-up working Saturdays. Editable data: when the government
// announces a schedule, update the entries below (and drop the "expected" comment).
//
// HOLIDAY = no work that day (public holiday, substitute day "nghỉ bù", swapped day).
// WORKDAY = a Saturday/Sunday worked to swap a bridge day ("làm bù").
// Tết entries cover the whole announced break, weekends included, so that
// holidayName() can name every day of it. Other holidays list the holiday itself
// (even on a weekend) plus any weekday taken off in its place.
//
// Not included: Ngày Văn hóa Việt Nam (24/11). The Politburo's Resolution 80-NQ/TW
// (January 2026) makes it a paid day off, but the Labour Code amendment had not been
// passed when this list was written. Add it here once it is law.

export type CalendarEntry = { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string };

const TET_DUONG_LICH = "Tết Dương lịch";
const TET_NGUYEN_DAN = "Tết Nguyên Đán";
const HUNG_VUONG = "Giỗ Tổ Hùng Vương";
const GIAI_PHONG = "Ngày Giải phóng miền Nam";
const LAO_DONG = "Quốc tế Lao động";
const QUOC_KHANH = "Quốc khánh";

function holiday(date: string, name: string): CalendarEntry {
  return { date, kind: "HOLIDAY", name };
}

function workday(date: string, name: string): CalendarEntry {
  return { date, kind: "WORKDAY", name };
}

export const VIETNAM_CALENDAR_2023_2027: readonly CalendarEntry[] = Object.freeze([
  // ---- 2023 ----
  holiday("2023-01-01", TET_DUONG_LICH), // Sunday
  holiday("2023-01-02", `Nghỉ bù ${TET_DUONG_LICH}`),
  // Tết Quý Mão: 20/1 (29 Tết) – 26/1 (mùng 5).
  holiday("2023-01-20", TET_NGUYEN_DAN),
  holiday("2023-01-21", TET_NGUYEN_DAN),
  holiday("2023-01-22", TET_NGUYEN_DAN),
  holiday("2023-01-23", TET_NGUYEN_DAN),
  holiday("2023-01-24", TET_NGUYEN_DAN),
  holiday("2023-01-25", TET_NGUYEN_DAN),
  holiday("2023-01-26", TET_NGUYEN_DAN),
  // 29/4 (Sat) – 3/5: Hùng Vương on Saturday and 30/4 on Sunday give two substitute days.
  holiday("2023-04-29", HUNG_VUONG),
  holiday("2023-04-30", GIAI_PHONG),
  holiday("2023-05-01", LAO_DONG),
  holiday("2023-05-02", `Nghỉ bù ${HUNG_VUONG}`),
  holiday("2023-05-03", `Nghỉ bù ${GIAI_PHONG}`),
  // 1/9 (Fri) – 4/9: 2/9 on Saturday, substitute on Monday.
  holiday("2023-09-01", QUOC_KHANH),
  holiday("2023-09-02", QUOC_KHANH),
  holiday("2023-09-04", `Nghỉ bù ${QUOC_KHANH}`),

  // ---- 2024 ----
  holiday("2024-01-01", TET_DUONG_LICH),
  // Tết Giáp Thìn: 8/2 (29 Tết) – 14/2 (mùng 5).
  holiday("2024-02-08", TET_NGUYEN_DAN),
  holiday("2024-02-09", TET_NGUYEN_DAN),
  holiday("2024-02-10", TET_NGUYEN_DAN),
  holiday("2024-02-11", TET_NGUYEN_DAN),
  holiday("2024-02-12", TET_NGUYEN_DAN),
  holiday("2024-02-13", TET_NGUYEN_DAN),
  holiday("2024-02-14", TET_NGUYEN_DAN),
  holiday("2024-04-18", HUNG_VUONG),
  // 27/4 – 1/5: Monday 29/4 swapped with Saturday 4/5 (VPCP 2450/VPCP-KGVX).
  holiday("2024-04-29", "Nghỉ bù (hoán đổi, làm bù thứ Bảy 04/05/2024)"),
  holiday("2024-04-30", GIAI_PHONG),
  holiday("2024-05-01", LAO_DONG),
  workday("2024-05-04", "Làm bù cho thứ Hai 29/04/2024"),
  // 31/8 – 3/9.
  holiday("2024-09-02", QUOC_KHANH),
  holiday("2024-09-03", QUOC_KHANH),

  // ---- 2025 ----
  holiday("2025-01-01", TET_DUONG_LICH),
  // Tết Ất Tỵ: 25/1 (26 tháng Chạp) – 2/2 (mùng 5), 9 days.
  holiday("2025-01-25", TET_NGUYEN_DAN),
  holiday("2025-01-26", TET_NGUYEN_DAN),
  holiday("2025-01-27", TET_NGUYEN_DAN),
  holiday("2025-01-28", TET_NGUYEN_DAN),
  holiday("2025-01-29", TET_NGUYEN_DAN),
  holiday("2025-01-30", TET_NGUYEN_DAN),
  holiday("2025-01-31", TET_NGUYEN_DAN),
  holiday("2025-02-01", TET_NGUYEN_DAN),
  holiday("2025-02-02", TET_NGUYEN_DAN),
  holiday("2025-04-07", HUNG_VUONG),
  // 30/4 – 4/5: Friday 2/5 swapped with Saturday 26/4.
  workday("2025-04-26", "Làm bù cho thứ Sáu 02/05/2025"),
  holiday("2025-04-30", GIAI_PHONG),
  holiday("2025-05-01", LAO_DONG),
  holiday("2025-05-02", "Nghỉ bù (hoán đổi, làm bù thứ Bảy 26/04/2025)"),
  // 30/8 – 2/9.
  holiday("2025-09-01", QUOC_KHANH),
  holiday("2025-09-02", QUOC_KHANH),

  // ---- 2026 ----
  // 1/1 – 4/1: Friday 2/1 swapped with Saturday 10/1 (VPCP 12729/VPCP-KGVX, 25/12/2025).
  holiday("2026-01-01", TET_DUONG_LICH),
  holiday("2026-01-02", "Nghỉ bù (hoán đổi, làm bù thứ Bảy 10/01/2026)"),
  workday("2026-01-10", "Làm bù cho thứ Sáu 02/01/2026"),
  // Tết Bính Ngọ: 14/2 (27 tháng Chạp) – 22/2 (mùng 6), 9 days; lunar new year 17/2.
  holiday("2026-02-14", TET_NGUYEN_DAN),
  holiday("2026-02-15", TET_NGUYEN_DAN),
  holiday("2026-02-16", TET_NGUYEN_DAN),
  holiday("2026-02-17", TET_NGUYEN_DAN),
  holiday("2026-02-18", TET_NGUYEN_DAN),
  holiday("2026-02-19", TET_NGUYEN_DAN),
  holiday("2026-02-20", TET_NGUYEN_DAN),
  holiday("2026-02-21", TET_NGUYEN_DAN),
  holiday("2026-02-22", TET_NGUYEN_DAN),
  // Hùng Vương (10/3 lunar) on Sunday 26/4: substitute day Monday 27/4.
  holiday("2026-04-26", HUNG_VUONG),
  holiday("2026-04-27", `Nghỉ bù ${HUNG_VUONG}`),
  holiday("2026-04-30", GIAI_PHONG),
  holiday("2026-05-01", LAO_DONG),
  // 29/8 – 2/9: Monday 31/8 swapped with Saturday 22/8 (approved by the Prime Minister, 10/2025).
  workday("2026-08-22", "Làm bù cho thứ Hai 31/08/2026"),
  holiday("2026-08-31", "Nghỉ bù (hoán đổi, làm bù thứ Bảy 22/08/2026)"),
  holiday("2026-09-01", QUOC_KHANH),
  holiday("2026-09-02", QUOC_KHANH),

  // ---- 2027 ---- (nothing announced yet when this list was written)
  holiday("2027-01-01", TET_DUONG_LICH), // Friday; expected, verify against the government's announcement
  // Tết Đinh Mùi: lunar new year Saturday 6/2. Assumed 5/2 (last day of the year) – mùng 4,
  // with mùng 1 and mùng 2 on the weekend compensated on 10/2 and 11/2.
  // expected, verify against the government's announcement
  holiday("2027-02-05", TET_NGUYEN_DAN),
  holiday("2027-02-06", TET_NGUYEN_DAN),
  holiday("2027-02-07", TET_NGUYEN_DAN),
  holiday("2027-02-08", TET_NGUYEN_DAN),
  holiday("2027-02-09", TET_NGUYEN_DAN),
  holiday("2027-02-10", TET_NGUYEN_DAN),
  holiday("2027-02-11", TET_NGUYEN_DAN),
  holiday("2027-04-16", HUNG_VUONG), // Friday; expected, verify against the government's announcement
  holiday("2027-04-30", GIAI_PHONG), // Friday; expected, verify against the government's announcement
  holiday("2027-05-01", LAO_DONG), // Saturday; expected, verify against the government's announcement
  holiday("2027-05-03", `Nghỉ bù ${LAO_DONG}`), // expected, verify against the government's announcement
  // 2/9 is a Thursday; the adjacent day assumed to be Friday 3/9.
  holiday("2027-09-02", QUOC_KHANH), // expected, verify against the government's announcement
  holiday("2027-09-03", QUOC_KHANH), // expected, verify against the government's announcement
]);
