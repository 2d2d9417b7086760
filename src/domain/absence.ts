// Absence and stand-ins (#19): who receives, on a given day, what is meant for an official. An official away
// (nghỉ phép, đi công tác) for a period is replaced by the stand-in his absence names, else by the deputy
// (Phó Chủ tịch phụ trách) of the message's unit and programme, else by the unit's chairman. A stand-in who
// is away too is replaced in turn, the same way; nobody is asked twice, so there are no loops. When nobody
// can stand in, the message goes to the holder himself: he is away, not gone, and a reminder must reach
// someone. Pure: the rows come from src/features/absence/stand-ins.ts.

export interface Absence {
  id: number;
  officialId: number;
  /** "YYYY-MM-DD", both days included */
  from: string;
  to: string;
  /** named by whoever set the absence; null: the deputy, else the chairman, decided per message */
  standInId: number | null;
  reason: string;
}

/** What a message is about: the unit and programme whose deputy and chairman stand in by default. */
export interface Subject {
  unitId: number | null;
  programmeId: number | null;
}

export interface StandInWorld {
  absences: readonly Absence[];
  /** the deputy of the unit for the programme; for no programme, the unit's deputy when it has only one */
  deputyOf(unitId: number, programmeId: number | null): number | null;
  chairmenOf(unitId: number): readonly number[];
  /** the official's own unit: the default subject of a message that names none */
  unitOf(officialId: number): number | null;
  /** an official who may stand in (active) */
  canStandIn(officialId: number): boolean;
}

export interface Recipient {
  officialId: number;
  /** the holder's absence when someone else receives it; null when the holder does */
  absence: Absence | null;
}

/** The absence of `officialId` on `day`, or null; of overlapping ones, the latest set. */
export function absenceOn(officialId: number, day: string, absences: readonly Absence[]): Absence | null {
  let found: Absence | null = null;
  for (const a of absences) {
    if (a.officialId === officialId && a.from <= day && day <= a.to && (!found || a.id > found.id)) found = a;
  }
  return found;
}

/** Who receives on `day` what is meant for `holderId` about `subject`. */
export function recipientOn(holderId: number, day: string, subject: Subject, world: StandInWorld): Recipient {
  const own = absenceOn(holderId, day, world.absences);
  if (!own) return { officialId: holderId, absence: null };
  const asked = new Set<number>();
  const present = (id: number): number | null => {
    asked.add(id);
    const away = absenceOn(id, day, world.absences);
    if (!away) return id;
    const unitId = subject.unitId ?? world.unitOf(id);
    const candidates = [
      away.standInId,
      unitId === null ? null : world.deputyOf(unitId, subject.programmeId),
      ...(unitId === null ? [] : world.chairmenOf(unitId)),
    ];
    for (const c of candidates) {
      if (c === null || asked.has(c) || !world.canStandIn(c)) continue;
      const found = present(c);
      if (found !== null) return found;
    }
    return null;
  };
  const standIn = present(holderId);
  return standIn === null || standIn === holderId
    ? { officialId: holderId, absence: null }
    : { officialId: standIn, absence: own };
}

export type PeriodProblem = "order" | "past";

/** What is wrong with an absence from `from` to `to` set on `today`: the end before the start, or over. */
export function periodProblem(from: string, to: string, today: string): PeriodProblem | null {
  if (to < from) return "order";
  if (to < today) return "past";
  return null;
}
