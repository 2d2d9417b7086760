// The secretariat's registry work from the bot: the command line's services (registry-admin.ts) called as
// they are — every change audited there — with their input problems (RegistryInputError, Vietnamese) turned
// into a refusal the error boundary renders, and /ai's answer: who is responsible for what in a unit, or
// what an official is responsible for.
import type { Db } from "../../platform/db/client.ts";
import { matchByName } from "../../domain/text.ts";
import { refusal } from "../refusals.ts";
import { RegistryInputError } from "./registry-io.ts";
import type { OfficialInput, RegistryAdmin, WhoLine } from "./registry-admin.ts";

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RegistryInputError) throw refusal("onboarding", "registryInput", error.message);
    throw error;
  }
}

export function createRegistryChat({ db, registryAdmin }: { db: Db; registryAdmin: RegistryAdmin }) {
  return {
    addOfficial: (input: OfficialInput, ctx: { now: Date; actorId: number }) =>
      refusing(async () => ({ ...(await registryAdmin.addOfficial(input, ctx)), name: input.name ?? "" })),
    /** An edit; when it sets responsibilities, the official's responsibilities as they are now. */
    updateOfficial: (id: number, input: OfficialInput, ctx: { now: Date; actorId: number }) =>
      refusing(async () => {
        const r = await registryAdmin.updateOfficial(id, input, ctx);
        const responsibilities =
          input.programmes === undefined ? null : await registryAdmin.who({ officialId: id, now: ctx.now });
        return { ...r, responsibilities };
      }),
    deactivateOfficial: (id: number, ctx: { now: Date; actorId: number }) =>
      refusing(() => registryAdmin.deactivateOfficial(id, ctx)),
    handover: (input: { fromId: number; toId: number; unit?: string }, ctx: { now: Date; actorId: number }) =>
      refusing(() => registryAdmin.handover(input, ctx)),
    /** /chuongtrinh: the programmes with their offices. */
    programmeOffices: () => registryAdmin.programmeOffices(),
    /** /chuongtrinh <mã> coquan <đơn vị | không> */
    setProgrammeOffice: (input: { code: string; unit: string }, ctx: { now: Date; actorId: number }) =>
      refusing(() => registryAdmin.setProgrammeOffice(input, ctx)),

    /** /ai: a unit's responsibilities, or an official's (by name); refused when neither is found. */
    async who(query: string, now: Date): Promise<{ lines: WhoLine[] }> {
      const units = await db.unit.findMany({ where: { active: true }, select: { code: true, name: true } });
      const unit = matchByName(query, units, (u) => [u.code, u.name]);
      if (unit.kind === "one") return { lines: await refusing(() => registryAdmin.who({ unit: unit.item.code, now })) };
      const officials = await db.official.findMany({ where: { active: true }, select: { id: true, fullName: true } });
      const m = matchByName(query, officials, (o) => [o.fullName]);
      if (m.kind === "none") throw refusal("onboarding", "officialNotFound", query);
      const ids = new Set(m.kind === "one" ? [m.item.id] : m.candidates.map((o) => o.id));
      return { lines: (await registryAdmin.who({ now })).filter((l) => ids.has(l.officialId)) };
    },
  };
}

export type RegistryChat = ReturnType<typeof createRegistryChat>;
