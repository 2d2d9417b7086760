// Demo data: the nine mountainous districts of the source document, the three programmes, a handful of
// officials with fixed demo Telegram ids, capital plans, disbursement reports and tasks whose deadlines
// sit around `today`, so that one working day shows every rung of the ladder.
import type { Db } from "../client.ts";
import { createWorkCalendar } from "../../../domain/calendar.ts";
import { reportingYear } from "../../../domain/disbursed.ts";
import { foldVietnamese } from "../../../domain/text.ts";
import { VIETNAM_CALENDAR_2023_2027 } from "../../../domain/holidays.ts";
import { ensureReferenceData, REFERENCE_PROGRAMMES } from "./reference.ts";
import { addDays } from "../../../domain/dates.ts";

export const DISTRICTS = [
  ["DONG_GIANG", "Đông Giang"],
  ["TAY_GIANG", "Tây Giang"],
  ["NAM_GIANG", "Nam Giang"],
  ["PHUOC_SON", "Phước Sơn"],
  ["NAM_TRA_MY", "Nam Trà My"],
  ["BAC_TRA_MY", "Bắc Trà My"],
  ["TIEN_PHUOC", "Tiên Phước"],
  ["HIEP_DUC", "Hiệp Đức"],
  ["NONG_SON", "Nông Sơn"],
] as const;

/** The demo follows the three reference programmes (created by `ensureReferenceData`, reused here). */
export const PROGRAMMES = REFERENCE_PROGRAMMES;

/** Fixed demo Telegram ids: the demo and the tests speak as these people. */
export const DEMO = {
  secretariat: { id: 900001, name: "Trần Thị Thu", title: "Chuyên viên Văn phòng điều phối" },
  secretariatEn: { id: 900003, name: "Phạm Minh Đức", title: "Chuyên viên Văn phòng điều phối" },
  supervisor: { id: 900002, name: "Lê Văn Hùng", title: "Ủy viên BTV Tỉnh ủy" },
  chairman: { id: 910001, name: "Hồ Văn Minh", title: "Chủ tịch UBND huyện Nam Trà My" },
  partySecretary: { id: 910002, name: "Đinh Thị Lan", title: "Bí thư Huyện ủy Nam Trà My" },
  official: { id: 910003, name: "Nguyễn Văn An", title: "Phó Trưởng phòng Tài chính - Kế hoạch" },
  official2: { id: 910004, name: "Trần Văn Bình", title: "Chuyên viên Phòng Lao động - TB&XH" },
  bacTraMyChairman: { id: 920001, name: "Võ Thị Hoa", title: "Chủ tịch UBND huyện Bắc Trà My" },
  bacTraMyOfficial: { id: 920002, name: "Hồ Văn Sơn", title: "Chuyên viên Phòng Dân tộc" },
  /** focal point of Sở Kế hoạch và Đầu tư for written requests (seedFollowupDemo) */
  departmentFocal: { id: 930001, name: "Ngô Thị Mai", title: "Chuyên viên Văn phòng Sở Kế hoạch và Đầu tư" },
  groups: {
    secretariat: { id: -1009000, title: "Văn phòng điều phối MTQG tỉnh" },
    namTraMy: { id: -1009105, title: "UBND huyện Nam Trà My - MTQG" },
    bacTraMy: { id: -1009106, title: "UBND huyện Bắc Trà My - MTQG" },
  },
} as const;

const BILLION = 1_000_000_000n;

/** Disbursed share (per mille) of each district's plan as of the demo day, to spread the league table. */
const DISBURSED_PERMILLE: Record<string, number> = {
  DONG_GIANG: 812,
  TAY_GIANG: 745,
  NAM_GIANG: 698,
  PHUOC_SON: 655,
  NAM_TRA_MY: 273,
  BAC_TRA_MY: 421,
  TIEN_PHUOC: 880,
  HIEP_DUC: 760,
  NONG_SON: 590,
};

export async function seedDemo(db: Db, opts: { today: string; now: Date }): Promise<{ seeded: boolean }> {
  await ensureReferenceData(db);
  if ((await db.unit.count()) > 0) return { seeded: false };
  const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);
  const year = reportingYear(opts.today);
  const { now, today } = opts;

  await db.$transaction(async (tx) => {
    const office = await tx.unit.create({
      data: {
        code: "VPDP",
        name: "Văn phòng Điều phối các Chương trình MTQG tỉnh",
        nameKey: "van phong dieu phoi",
        kind: "OFFICE",
      },
    });
    for (const [code, name] of [
      ["SO_TC", "Sở Tài chính"],
      ["SO_KHDT", "Sở Kế hoạch và Đầu tư"],
      ["BAN_DT", "Ban Dân tộc tỉnh"],
    ] as const) {
      await tx.unit.create({ data: { code, name, nameKey: foldVietnamese(name), kind: "DEPARTMENT" } });
    }
    const units: Record<string, number> = {};
    for (const [code, name] of DISTRICTS) {
      units[code] = (
        await tx.unit.create({ data: { code, name, nameKey: foldVietnamese(name), kind: "DISTRICT" } })
      ).id;
    }
    const programmes: Record<string, number> = {};
    for (const [i, [code, name, nameEn]] of PROGRAMMES.entries()) {
      // normally there already (reference data); kept as they are
      programmes[code] = (
        await tx.programme.upsert({
          where: { code },
          update: {},
          create: { code, name, nameEn, nameKey: foldVietnamese(name), sortOrder: i },
        })
      ).id;
    }
    const u = (code: string) => units[code] as number;
    const p = (code: string) => programmes[code] as number;

    const person = async (
      who: { id: number; name: string; title: string },
      unitId: number,
      opts2: { language?: string; started?: boolean } = {},
    ) =>
      (
        await tx.official.create({
          data: {
            fullName: who.name,
            nameKey: foldVietnamese(who.name),
            title: who.title,
            unitId,
            telegramUserId: BigInt(who.id),
            language: opts2.language ?? "vi",
            privateChatAt: opts2.started === false ? null : now,
          },
        })
      ).id;
    const role = (
      officialId: number,
      r: "SECRETARIAT" | "SUPERVISOR" | "CHAIRMAN" | "PARTY_SECRETARY" | "RESPONSIBLE",
      unitId: number | null,
    ) => tx.roleAssignment.create({ data: { officialId, role: r, unitId, validFrom: new Date(0) } });
    const responsible = (officialId: number, unitId: number, programmeId: number) =>
      tx.responsibility.create({ data: { officialId, unitId, programmeId, validFrom: new Date(0) } });

    const secretariat = await person(DEMO.secretariat, office.id);
    await role(secretariat, "SECRETARIAT", null);
    const secretariatEn = await person(DEMO.secretariatEn, office.id, { language: "en" });
    await role(secretariatEn, "SECRETARIAT", null);
    const supervisor = await person(DEMO.supervisor, office.id);
    await role(supervisor, "SUPERVISOR", u("NAM_TRA_MY"));
    await role(supervisor, "SUPERVISOR", u("BAC_TRA_MY"));
    const chairman = await person(DEMO.chairman, u("NAM_TRA_MY"));
    await role(chairman, "CHAIRMAN", u("NAM_TRA_MY"));
    const secretary = await person(DEMO.partySecretary, u("NAM_TRA_MY"));
    await role(secretary, "PARTY_SECRETARY", u("NAM_TRA_MY"));
    const an = await person(DEMO.official, u("NAM_TRA_MY"));
    await role(an, "RESPONSIBLE", u("NAM_TRA_MY"));
    await responsible(an, u("NAM_TRA_MY"), p("NTM"));
    const binh = await person(DEMO.official2, u("NAM_TRA_MY"), { started: false });
    await role(binh, "RESPONSIBLE", u("NAM_TRA_MY"));
    await responsible(binh, u("NAM_TRA_MY"), p("GNBV"));
    await responsible(binh, u("NAM_TRA_MY"), p("DTTS"));
    const hoa = await person(DEMO.bacTraMyChairman, u("BAC_TRA_MY"));
    await role(hoa, "CHAIRMAN", u("BAC_TRA_MY"));
    const son = await person(DEMO.bacTraMyOfficial, u("BAC_TRA_MY"));
    await role(son, "RESPONSIBLE", u("BAC_TRA_MY"));
    await responsible(son, u("BAC_TRA_MY"), p("DTTS"));

    const g = DEMO.groups;
    await tx.chat.create({
      data: {
        telegramChatId: BigInt(g.secretariat.id),
        kind: "SUPERGROUP",
        title: g.secretariat.title,
        isSecretariat: true,
        boundAt: now,
      },
    });
    await tx.chat.create({
      data: {
        telegramChatId: BigInt(g.namTraMy.id),
        kind: "SUPERGROUP",
        title: g.namTraMy.title,
        unitId: u("NAM_TRA_MY"),
        boundAt: now,
      },
    });
    await tx.chat.create({
      data: {
        telegramChatId: BigInt(g.bacTraMy.id),
        kind: "SUPERGROUP",
        title: g.bacTraMy.title,
        unitId: u("BAC_TRA_MY"),
        boundAt: now,
      },
    });
    for (const o of [
      DEMO.secretariat,
      DEMO.secretariatEn,
      DEMO.supervisor,
      DEMO.chairman,
      DEMO.partySecretary,
      DEMO.official,
      DEMO.bacTraMyChairman,
      DEMO.bacTraMyOfficial,
    ]) {
      await tx.chat.create({ data: { telegramChatId: BigInt(o.id), kind: "PRIVATE", title: o.name } });
    }

    // capital plans: central-budget investment and recurrent capital, local counterpart investment
    for (const [d, [code]] of DISTRICTS.entries()) {
      for (const [k, [prog]] of PROGRAMMES.entries()) {
        const central = BigInt(40 + ((d * 7 + k * 5) % 30)) * BILLION + BigInt(d * 100 + k * 10) * 1_000_000n;
        const plans = [
          { source: "CENTRAL" as const, kind: "INVESTMENT" as const, amountVnd: central },
          { source: "CENTRAL" as const, kind: "RECURRENT" as const, amountVnd: central / 4n },
          { source: "LOCAL" as const, kind: "INVESTMENT" as const, amountVnd: central / 10n },
        ];
        let total = 0n;
        for (const plan of plans) {
          total += plan.amountVnd;
          await tx.capitalPlan.create({
            data: {
              unitId: u(code),
              programmeId: p(prog),
              year,
              ...plan,
              decisionNo: `${1200 + d}/QĐ-UBND`,
              decisionDate: `${year}-01-15`,
            },
          });
        }
        const share = BigInt((DISBURSED_PERMILLE[code] ?? 500) - k * 15);
        // two monthly reports: the older one is superseded by the newer (cumulative figures)
        for (const [i, frac] of [
          [0, 80n],
          [1, 100n],
        ] as const) {
          await tx.disbursementReport.create({
            data: {
              unitId: u(code),
              programmeId: p(prog),
              year,
              cumulativeVnd: ((((total * share) / 1000n) * frac) / 100n / 1_000_000n) * 1_000_000n,
              asOf: cal.addWorkingDays(today, -10 + i * 5),
              createdAt: new Date(now.getTime() - (2 - i) * 86_400_000 * 5),
            },
          });
        }
      }
    }

    // tasks around today: one rung of the ladder each
    const task = (data: {
      title: string;
      unit: string;
      programme: string | null;
      responsibleId: number;
      due: string;
      docRef: string;
    }) =>
      tx.task.create({
        data: {
          title: data.title,
          unitId: u(data.unit),
          programmeId: data.programme ? p(data.programme) : null,
          responsibleId: data.responsibleId,
          dueDate: data.due,
          docRef: data.docRef,
          createdById: secretariat,
          createdAt: new Date(now.getTime() - 20 * 86_400_000),
        },
      });
    await task({
      title: "Nộp báo cáo tiến độ giải ngân tháng",
      unit: "NAM_TRA_MY",
      programme: "NTM",
      responsibleId: an,
      due: cal.addWorkingDays(today, 2),
      docRef: "1523/UBND-KTTH",
    });
    await task({
      title: "Hoàn thiện hồ sơ điều chỉnh kế hoạch vốn sự nghiệp",
      unit: "NAM_TRA_MY",
      programme: "GNBV",
      responsibleId: binh,
      due: cal.addWorkingDays(today, -1),
      docRef: "1480/SKHĐT-KTN",
    });
    await task({
      title: "Báo cáo vướng mắc dự án nước sinh hoạt tập trung",
      unit: "BAC_TRA_MY",
      programme: "DTTS",
      responsibleId: son,
      due: cal.addWorkingDays(today, -3),
      docRef: "952/BDT-KHTH",
    });
    await task({
      title: "Phê duyệt danh mục dự án năm sau",
      unit: "NAM_TRA_MY",
      programme: "DTTS",
      responsibleId: binh,
      due: cal.addWorkingDays(today, 10),
      docRef: "",
    });
  });
  return { seeded: true };
}

/**
 * Follow-up demo data on top of seedDemo (meetings R6, written requests R5): the focal point of Sở Kế
 * hoạch và Đầu tư, one open request of Nam Trà My to it (due the working day after `today`), and last
 * month's working sessions of every district (this month's only for Bắc Trà My). Separate from seedDemo
 * so that the registry counts other tests rely on stay as they are. Idempotent.
 */
export async function seedFollowupDemo(db: Db, opts: { today: string; now: Date }): Promise<{ seeded: boolean }> {
  if (await db.official.findUnique({ where: { telegramUserId: BigInt(DEMO.departmentFocal.id) } }))
    return { seeded: false };
  const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);
  const { today, now } = opts;
  await db.$transaction(async (tx) => {
    const unit = (code: string) => tx.unit.findUniqueOrThrow({ where: { code } });
    const department = await unit("SO_KHDT");
    const who = DEMO.departmentFocal;
    const focal = await tx.official.create({
      data: {
        fullName: who.name,
        nameKey: foldVietnamese(who.name),
        title: who.title,
        unitId: department.id,
        telegramUserId: BigInt(who.id),
        privateChatAt: now,
      },
    });
    await tx.roleAssignment.create({
      data: { officialId: focal.id, role: "DEPARTMENT_FOCAL", unitId: department.id, validFrom: new Date(0) },
    });
    await tx.chat.create({ data: { telegramChatId: BigInt(who.id), kind: "PRIVATE", title: who.name } });
    const namTraMy = await unit("NAM_TRA_MY");
    const an = await tx.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(DEMO.official.id) } });
    const sentOn = cal.addWorkingDays(today, -6);
    await tx.writtenRequest.create({
      data: {
        unitId: namTraMy.id,
        departmentUnitId: department.id,
        docNo: "1495/UBND-KTTH",
        sentOn,
        subject: "Xin ý kiến về điều chỉnh danh mục dự án đầu tư công năm 2026",
        dueOn: cal.addWorkingDays(sentOn, 7),
        createdById: an.id,
        createdAt: now,
      },
    });
    const month = today.slice(0, 7);
    const lastMonth = addDays(`${month}-01`, -1).slice(0, 7);
    for (const [code] of DISTRICTS) {
      const u = await unit(code);
      await tx.meeting.create({
        data: {
          unitId: u.id,
          month: lastMonth,
          heldOn: `${lastMonth}-15`,
          note: "Làm việc định kỳ tháng",
          createdAt: now,
        },
      });
    }
    const bacTraMy = await unit("BAC_TRA_MY");
    const firstWorkingDay = cal.nextWorkingDay(addDays(`${month}-01`, -1));
    const heldOn = firstWorkingDay < today ? firstWorkingDay : today;
    await tx.meeting.create({
      data: { unitId: bacTraMy.id, month, heldOn, note: "Làm việc định kỳ tháng", createdAt: now },
    });
  });
  return { seeded: true };
}

/** The source document's conclusion (#19): its number is not on the copy at hand, so it is left empty. */
export const DEMO_DIRECTIVE = {
  kind: "KET_LUAN",
  number: "",
  issuedOn: "2023-08-14",
  issuer: "Ban Thường vụ Tỉnh ủy",
  summary: "Kết luận của Ban Thường vụ Tỉnh ủy về tiến độ triển khai 03 Chương trình mục tiêu quốc gia",
  items: [
    {
      number: "1",
      content:
        "Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo các cơ quan chuyên môn tích cực hỗ trợ các địa phương; " +
        "khẩn trương ban hành văn bản hướng dẫn, kịp thời phúc đáp văn bản đề nghị; tăng cường kiểm tra, đôn đốc " +
        "tiến độ giải ngân; chủ động điều chuyển vốn để cuối năm giải ngân 100% vốn ngân sách Trung ương.",
    },
    {
      number: "2",
      content:
        "Cấp ủy, chính quyền các địa phương miền núi đẩy nhanh tiến độ triển khai và giải ngân vốn 03 Chương trình " +
        "MTQG; Bí thư Huyện ủy làm việc với UBND huyện ít nhất 01 lần/tháng; xây dựng kế hoạch chi tiết, phân công " +
        "rõ trách nhiệm từng cá nhân; báo cáo, đề xuất ngay với UBND tỉnh khi không thể thực hiện đúng kế hoạch vốn.",
    },
    {
      number: "3",
      content:
        "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy được phân công theo dõi các địa phương miền núi làm việc với " +
        "cấp ủy địa phương để kiểm tra, theo dõi, đôn đốc việc triển khai 03 Chương trình MTQG.",
    },
  ],
} as const;

/**
 * The source document's conclusion with its three items, given as tasks around `today`: item 1 to the
 * coordination office (done on time), item 2 to Nam Trà My (in progress) and Bắc Trà My (overdue), item 3
 * to the supervising Standing Committee member (done late). Separate from seedDemo like seedFollowupDemo,
 * so that the task counts other tests rely on stay as they are. Idempotent.
 */
export async function seedDirectiveDemo(db: Db, opts: { today: string; now: Date }): Promise<{ seeded: boolean }> {
  const d = DEMO_DIRECTIVE;
  const key = { number: d.number, issuedOn: d.issuedOn, issuer: d.issuer };
  if (await db.directive.findUnique({ where: { number_issuedOn_issuer: key } })) return { seeded: false };
  const cal = createWorkCalendar(VIETNAM_CALENDAR_2023_2027);
  const { today, now } = opts;
  await db.$transaction(async (tx) => {
    const directive = await tx.directive.create({
      data: { kind: d.kind, ...key, summary: d.summary, createdAt: now },
    });
    const items: number[] = [];
    for (const [i, it] of d.items.entries())
      items.push((await tx.directiveItem.create({ data: { directiveId: directive.id, ...it, sortOrder: i } })).id);
    const unit = (code: string) => tx.unit.findUniqueOrThrow({ where: { code } });
    const person = (id: number) => tx.official.findUniqueOrThrow({ where: { telegramUserId: BigInt(id) } });
    const secretariat = await person(DEMO.secretariat.id);
    const give = async (
      item: number,
      unitCode: string,
      who: number,
      due: string,
      done: { on: string; byId: number } | null,
    ) => {
      const u = await unit(unitCode);
      const o = await person(who);
      await tx.task.create({
        data: {
          title: d.items[item]!.content.slice(0, 500),
          unitId: u.id,
          responsibleId: o.id,
          dueDate: due,
          docRef: `${d.issuer} ngày 14/08/2023, mục ${d.items[item]!.number}`,
          directiveItemId: items[item]!,
          createdById: secretariat.id,
          createdAt: new Date(now.getTime() - 30 * 86_400_000),
          ...(done && {
            status: "DONE" as const,
            completedAt: new Date(`${done.on}T03:00:00Z`),
            completedById: done.byId,
            completionNote: "Đã triển khai",
          }),
        },
      });
    };
    const thu = secretariat.id;
    const hung = (await person(DEMO.supervisor.id)).id;
    await give(0, "VPDP", DEMO.secretariat.id, cal.addWorkingDays(today, -5), {
      on: cal.addWorkingDays(today, -6),
      byId: thu,
    });
    await give(1, "NAM_TRA_MY", DEMO.chairman.id, cal.addWorkingDays(today, 5), null);
    await give(1, "BAC_TRA_MY", DEMO.bacTraMyChairman.id, cal.addWorkingDays(today, -2), null);
    await give(2, "VPDP", DEMO.supervisor.id, cal.addWorkingDays(today, -8), {
      on: cal.addWorkingDays(today, -4),
      byId: hung,
    });
  });
  return { seeded: true };
}
