// The secretariat's registry work on single officials: add, update, deactivate, hand over
// responsibilities (and open tasks) from one official to another, and "who is responsible for what".
// Every change writes audit entries; history is kept by validTo, never by deleting rows.
import { isUniqueViolation, type Db, type Role } from "../../platform/db/client.ts";
import { foldVietnamese, matchByName } from "../../domain/text.ts";
import { audit } from "../../platform/db/audit.ts";
import { applyDeputies } from "./registry-io/deputies.ts";
import {
  applyOfficial,
  applyProgramme,
  applyProgrammeOffice,
  list,
  parseLanguage,
  parseRole,
  parseTelegramId,
  programmeClash,
  programmeCode,
  RegistryInputError,
  ROLE_LABELS,
  splitScope,
  WHOLE_PROVINCE,
  type ChangeContext,
  type OfficialPatch,
} from "./registry-io.ts";

export interface OfficialInput {
  name?: string;
  unit?: string;
  title?: string;
  /** role labels or codes, optionally scoped: "Giám sát (Nam Trà My)" */
  roles?: string[];
  telegramId?: string;
  lang?: string;
  active?: boolean;
  /**
   * responsibilities, the complete set (replaces the current ones): programme codes or names separated by
   * «;», each for the official's unit unless a unit follows in parentheses: "NTM; DTTS (Bắc Trà My)"; "-" or
   * empty: none
   */
  programmes?: string[];
  /** the projects of those responsibilities, separated by «;» in the same order (or none) */
  projects?: string[];
}

export interface WhoLine {
  unit: string;
  programme: string;
  project: string;
  officialId: number;
  fullName: string;
  title: string;
  telegramUserId: bigint | null;
  since: Date;
}

export function createRegistryAdmin({ db }: { db: Db }) {
  async function unitByQuery(query: string) {
    const units = await db.unit.findMany({ where: { active: true }, orderBy: { id: "asc" } });
    const m = matchByName(query, units, (u) => [u.code, u.name]);
    if (m.kind === "one") return m.item;
    if (m.kind === "many")
      throw new RegistryInputError(
        `Đơn vị «${query}» trùng với nhiều đơn vị: ${m.candidates.map((u) => u.name).join(", ")}.`,
      );
    throw new RegistryInputError(`Không tìm thấy đơn vị «${query}».`);
  }

  async function programmeByQuery(query: string) {
    const programmes = await db.programme.findMany({ orderBy: { sortOrder: "asc" } });
    const m = matchByName(query, programmes, (p) => [p.code, p.name, p.nameEn]);
    if (m.kind === "one") return m.item;
    if (m.kind === "many")
      throw new RegistryInputError(
        `Chương trình «${query}» trùng với nhiều chương trình: ${m.candidates.map((p) => p.code).join(", ")}.`,
      );
    throw new RegistryInputError(`Không tìm thấy chương trình «${query}».`);
  }

  async function officialById(id: number) {
    const o = await db.official.findUnique({ where: { id }, include: { unit: true } });
    if (!o) throw new RegistryInputError(`Không có cán bộ mã ${id}.`);
    return o;
  }

  async function toPatch(
    input: OfficialInput,
    existingUnitId: number | null,
    selfId: number | null,
  ): Promise<OfficialPatch> {
    const patch: OfficialPatch = {};
    if (input.name !== undefined) {
      if (input.name.trim() === "") throw new RegistryInputError("Họ và tên không được để trống.");
      patch.fullName = input.name.trim();
    }
    if (input.title !== undefined) patch.title = input.title.trim();
    if (input.unit !== undefined) patch.unitId = input.unit.trim() === "" ? null : (await unitByQuery(input.unit)).id;
    if (input.telegramId !== undefined) {
      const id = parseTelegramId(input.telegramId);
      if (id === null) throw new RegistryInputError(`Telegram ID «${input.telegramId}» không hợp lệ (chỉ gồm chữ số).`);
      if (id !== undefined) {
        const owner = await db.official.findUnique({ where: { telegramUserId: id } });
        if (owner && owner.id !== selfId)
          throw new RegistryInputError(`Telegram ID ${id} đã thuộc về cán bộ ${owner.fullName} (mã ${owner.id}).`);
      }
      patch.telegramUserId = id ?? null;
    }
    if (input.lang !== undefined) {
      const l = parseLanguage(input.lang);
      if (!l) throw new RegistryInputError(`Ngôn ngữ «${input.lang}» không hợp lệ (vi hoặc en).`);
      patch.language = l;
    }
    if (input.active !== undefined) patch.active = input.active;
    if (input.roles !== undefined) {
      const unitId = patch.unitId !== undefined ? patch.unitId : existingUnitId;
      const roles: { role: Role; unitId: number | null }[] = [];
      for (const item of input.roles
        .flatMap((r) => r.split(";"))
        .map((r) => r.trim())
        .filter((r) => r !== "")) {
        const { value, scope } = splitScope(item);
        const role = parseRole(value);
        if (!role)
          throw new RegistryInputError(`Vai trò «${value}» không hợp lệ (${Object.values(ROLE_LABELS).join(", ")}).`);
        if (scope === undefined) roles.push({ role, unitId: role === "SECRETARIAT" ? null : unitId });
        else if (foldVietnamese(scope) === foldVietnamese(WHOLE_PROVINCE)) roles.push({ role, unitId: null });
        else roles.push({ role, unitId: (await unitByQuery(scope)).id });
      }
      patch.roles = roles;
    }
    if (input.programmes !== undefined) {
      const unitId = patch.unitId !== undefined ? patch.unitId : existingUnitId;
      patch.responsibilities = await responsibilitiesOf(input.programmes, input.projects ?? [], unitId);
    } else if (input.projects !== undefined)
      throw new RegistryInputError("Dự án ghi kèm chương trình phụ trách: ghi cả chương trình (thứ tự như dự án).");
    return patch;
  }

  /** "NTM; DTTS (Bắc Trà My)" and their projects as the complete set of responsibilities; problems refused. */
  async function responsibilitiesOf(
    programmes: string[],
    projects: string[],
    unitId: number | null,
  ): Promise<NonNullable<OfficialPatch["responsibilities"]>> {
    const items = programmes.flatMap((p) => list(p)).filter((p) => p !== "-");
    const named = projects.flatMap((p) => p.split(";")).map((p) => p.trim());
    const hasProjects = named.some((p) => p !== "");
    if (hasProjects && named.length !== items.length)
      throw new RegistryInputError(
        `Số dự án (${named.length}) không khớp số chương trình (${items.length}): ghi các dự án cách nhau bằng «;» theo thứ tự chương trình.`,
      );
    const out: NonNullable<OfficialPatch["responsibilities"]> = [];
    for (const [i, item] of items.entries()) {
      const { value, scope } = splitScope(item);
      const programme = await programmeByQuery(value);
      const unit = scope !== undefined ? (await unitByQuery(scope)).id : unitId;
      if (unit === null)
        throw new RegistryInputError(
          `Chương trình ${programme.code}: cán bộ chưa có đơn vị, cần ghi đơn vị phụ trách, ví dụ «${programme.code} (tên đơn vị)».`,
        );
      out.push({ unitId: unit, programmeId: programme.id, project: hasProjects ? named[i]! : "" });
    }
    return out;
  }

  /** Adds an official; the unit is required, roles default to the official's unit (the secretariat: province). */
  async function addOfficial(input: OfficialInput, ctx: ChangeContext): Promise<{ id: number }> {
    if (!input.name || input.name.trim() === "") throw new RegistryInputError("Thiếu họ và tên (--name).");
    if (!input.unit || input.unit.trim() === "") throw new RegistryInputError("Thiếu đơn vị (--unit).");
    const patch = await toPatch(input, null, null);
    return db.$transaction(async (tx) => ({ id: (await applyOfficial(tx, null, patch, ctx)).id }));
  }

  /**
   * Updates the given fields of an official named by his id (so a new name is an explicit rename, reported
   * back as `renamed`); roles, when given, replace his current roles.
   */
  async function updateOfficial(
    id: number,
    input: OfficialInput,
    ctx: ChangeContext,
  ): Promise<{ changes: number; renamed: { from: string; to: string } | null }> {
    const o = await officialById(id);
    const patch = await toPatch(input, o.unitId, o.id);
    if (patch.responsibilities?.length && !(patch.active ?? o.active))
      throw new RegistryInputError(
        `Cán bộ ${o.fullName} (mã ${id}) đã ngừng hoạt động: không phân công phụ trách được.`,
      );
    const renamed =
      patch.fullName !== undefined && patch.fullName !== o.fullName ? { from: o.fullName, to: patch.fullName } : null;
    return db.$transaction(async (tx) => ({
      changes: (await applyOfficial(tx, id, patch, ctx)).actions.length,
      renamed,
    }));
  }

  /**
   * Deactivates an official: he is no longer recognised by the bot, his current roles,
   * responsibilities and deputy posts end. Refused while he still has open tasks (hand them over first).
   */
  async function deactivateOfficial(
    id: number,
    ctx: ChangeContext,
  ): Promise<{ endedRoles: number; endedResponsibilities: number }> {
    const o = await officialById(id);
    if (!o.active) throw new RegistryInputError(`Cán bộ ${o.fullName} (mã ${id}) đã ngừng hoạt động từ trước.`);
    // a task waiting for confirmation (#19) may be reopened: it is not finished either
    const open = await db.task.count({
      where: { responsibleId: id, status: { in: ["OPEN", "AWAITING_CONFIRMATION"] } },
    });
    if (open > 0) {
      throw new RegistryInputError(
        `Cán bộ ${o.fullName} (mã ${id}) còn ${open} việc đang mở: bàn giao trước (handover --from ${id} --to <mã cán bộ>).`,
      );
    }
    return db.$transaction(async (tx) => {
      const r = await applyOfficial(tx, id, { active: false, roles: [], responsibilities: [] }, ctx);
      // his deputy posts end too (audited `deputy.remove`, as /phutrach): nobody stands in through him
      await applyDeputies(tx, [{ officialId: id, pairs: [] }], ctx);
      return {
        endedRoles: r.actions.filter((a) => a === "role.end").length,
        endedResponsibilities: r.actions.filter((a) => a === "responsibility.end").length,
      };
    });
  }

  /**
   * Hands the responsibilities (optionally of one unit and/or programme) of one official over to another:
   * the old rows end now, new rows start now for the successor, and the matching open tasks move to him.
   */
  async function handover(
    input: { fromId: number; toId: number; unit?: string; programme?: string; reason?: string },
    ctx: ChangeContext,
  ): Promise<{ responsibilities: number; tasks: number }> {
    if (input.fromId === input.toId) throw new RegistryInputError("Không thể bàn giao cho chính người đó.");
    const from = await officialById(input.fromId);
    const to = await officialById(input.toId);
    if (!to.active)
      throw new RegistryInputError(`Cán bộ nhận bàn giao ${to.fullName} (mã ${to.id}) đã ngừng hoạt động.`);
    const unit = input.unit ? await unitByQuery(input.unit) : null;
    const programme = input.programme ? await programmeByQuery(input.programme) : null;
    const reason = input.reason?.trim() ?? "";
    const scope = { ...(unit ? { unitId: unit.id } : {}), ...(programme ? { programmeId: programme.id } : {}) };
    return db.$transaction(async (tx) => {
      const log = (action: string, entity: string, entityId: number, before: unknown, after: unknown) =>
        audit(tx, { at: ctx.now, actorId: ctx.actorId ?? null, action, entity, entityId, before, after });
      const rows = await tx.responsibility.findMany({
        where: { officialId: from.id, ...scope, OR: [{ validTo: null }, { validTo: { gt: ctx.now } }] },
        orderBy: { id: "asc" },
      });
      const tasks = await tx.task.findMany({
        where: { responsibleId: from.id, status: { in: ["OPEN", "AWAITING_CONFIRMATION"] }, ...scope },
        orderBy: { id: "asc" },
      });
      if (rows.length === 0 && tasks.length === 0) {
        throw new RegistryInputError(
          `Cán bộ ${from.fullName} (mã ${from.id}) không phụ trách gì và không có việc đang mở trong phạm vi này: không có gì để bàn giao.`,
        );
      }
      for (const r of rows) {
        const ended = await tx.responsibility.update({ where: { id: r.id }, data: { validTo: ctx.now } });
        await log("responsibility.handover", "Responsibility", r.id, r, { ...ended, successorId: to.id, reason });
        const already = await tx.responsibility.findFirst({
          where: { officialId: to.id, unitId: r.unitId, programmeId: r.programmeId, project: r.project, validTo: null },
        });
        if (already) continue;
        const created = await tx.responsibility.create({
          data: {
            officialId: to.id,
            unitId: r.unitId,
            programmeId: r.programmeId,
            project: r.project,
            validFrom: ctx.now,
          },
        });
        await log("responsibility.create", "Responsibility", created.id, undefined, {
          ...created,
          predecessorId: from.id,
          reason,
        });
      }
      for (const t of tasks) {
        const after = await tx.task.update({ where: { id: t.id }, data: { responsibleId: to.id } });
        await log(
          "task.reassign",
          "Task",
          t.id,
          { responsibleId: t.responsibleId, responsibleName: from.fullName },
          { responsibleId: after.responsibleId, responsibleName: to.fullName, reason },
        );
      }
      return { responsibilities: rows.length, tasks: tasks.length };
    });
  }

  /** Who is responsible for what now, optionally for one unit and/or programme, by unit then programme. */
  async function who(input: { unit?: string; programme?: string; officialId?: number; now: Date }): Promise<WhoLine[]> {
    const unit = input.unit ? await unitByQuery(input.unit) : null;
    const programme = input.programme ? await programmeByQuery(input.programme) : null;
    const rows = await db.responsibility.findMany({
      where: {
        ...(unit ? { unitId: unit.id } : {}),
        ...(programme ? { programmeId: programme.id } : {}),
        ...(input.officialId !== undefined ? { officialId: input.officialId } : {}),
        validFrom: { lte: input.now },
        OR: [{ validTo: null }, { validTo: { gt: input.now } }],
        official: { active: true },
      },
      include: { unit: true, programme: true, official: true },
      orderBy: { id: "asc" },
    });
    return rows
      .sort(
        (a, b) =>
          a.unit.name.localeCompare(b.unit.name, "vi") ||
          a.programme.sortOrder - b.programme.sortOrder ||
          a.official.fullName.localeCompare(b.official.fullName, "vi"),
      )
      .map((r) => ({
        unit: r.unit.name,
        programme: r.programme.code,
        project: r.project,
        officialId: r.official.id,
        fullName: r.official.fullName,
        title: r.official.title,
        telegramUserId: r.official.telegramUserId,
        since: r.validFrom,
      }));
  }

  /** The programmes, in display order. */
  async function listProgrammes() {
    return db.programme.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  }

  /** Adds a programme after the others; refused for a bad code or a code or name another programme has. */
  async function addProgramme(
    input: { code: string; name: string; nameEn?: string },
    ctx: ChangeContext,
  ): Promise<{ id: number; code: string; name: string }> {
    const code = programmeCode.safeParse(input.code);
    if (!code.success)
      throw new RegistryInputError(`${capitalise(code.error.issues[0]?.message ?? "")} (gặp «${input.code}»).`);
    const name = input.name.trim();
    if (name === "") throw new RegistryInputError("Thiếu tên chương trình.");
    const clash = programmeClash({ code: code.data, name }, await listProgrammes());
    if (clash) throw new RegistryInputError(`${capitalise(clash)}.`);
    const nameEn = input.nameEn?.trim() || undefined;
    try {
      const { id } = await db.$transaction((tx) => applyProgramme(tx, { code: code.data, name, nameEn }, ctx));
      return { id, code: code.data, name };
    } catch (error) {
      // added by someone else meanwhile
      if (isUniqueViolation(error)) throw new RegistryInputError(`Mã chương trình «${code.data}» đã có.`);
      throw error;
    }
  }

  /** The programmes in display order, each with its office's name (null: the secretariat handles its obstacles). */
  async function programmeOffices(): Promise<{ code: string; name: string; officeName: string | null }[]> {
    const programmes = await listProgrammes();
    const offices = await db.unit.findMany({
      where: { id: { in: programmes.flatMap((p) => (p.officeUnitId === null ? [] : [p.officeUnitId])) } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(offices.map((u) => [u.id, u.name]));
    return programmes.map((p) => ({
      code: p.code,
      name: p.name,
      officeName: p.officeUnitId === null ? null : (nameOf.get(p.officeUnitId) ?? null),
    }));
  }

  /**
   * Names the programme's office (an active department or office unit): obstacles on its tasks go there to be
   * answered. «không» removes it (the secretariat handles them again). Audited when it changes.
   */
  async function setProgrammeOffice(
    input: { code: string; unit: string },
    ctx: ChangeContext,
  ): Promise<{ code: string; officeName: string | null }> {
    const programme = (await listProgrammes()).find((p) => p.code.toUpperCase() === input.code.trim().toUpperCase());
    if (!programme) throw new RegistryInputError(`Không có chương trình mã «${input.code}».`);
    if (foldVietnamese(input.unit) === "khong") {
      await db.$transaction((tx) => applyProgrammeOffice(tx, programme, null, ctx));
      return { code: programme.code, officeName: null };
    }
    const units = await db.unit.findMany({
      where: { active: true, kind: { in: ["DEPARTMENT", "OFFICE"] } },
      select: { id: true, code: true, name: true },
    });
    const m = matchByName(input.unit, units, (u) => [u.code, u.name]);
    if (m.kind !== "one")
      throw new RegistryInputError(
        m.kind === "many"
          ? `«${input.unit}» trùng với: ${m.candidates.map((u) => u.name).join(", ")}.`
          : `Không có sở, ban, văn phòng nào tên «${input.unit}».`,
      );
    await db.$transaction((tx) => applyProgrammeOffice(tx, programme, m.item.id, ctx));
    return { code: programme.code, officeName: m.item.name };
  }

  return {
    addOfficial,
    updateOfficial,
    deactivateOfficial,
    handover,
    who,
    listProgrammes,
    programmeOffices,
    addProgramme,
    setProgrammeOffice,
  };
}

export type RegistryAdmin = ReturnType<typeof createRegistryAdmin>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
