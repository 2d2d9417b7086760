// What the directive register shows (data only): the four categories of the Government Office per item,
// per unit and overall. The catalogue (messages.ts) renders them; the export writes them.
import type { Timeliness } from "../../domain/ladder.ts";

export type DirectiveKind = "KET_LUAN" | "CHI_THI" | "CONG_VAN";
export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ["KET_LUAN", "CHI_THI", "CONG_VAN"];

/**
 * Tasks in the four categories (hoàn thành đúng hạn / quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn
 * thành), and `awaiting`: of the two open ones, those reported done and waiting for confirmation (#19).
 */
export type Tally = Record<Timeliness, number> & { awaiting: number };

export const emptyTally = (): Tally => ({
  done_on_time: 0,
  done_late: 0,
  open_in_term: 0,
  open_overdue: 0,
  awaiting: 0,
});
export const tallyTotal = (t: Tally) => t.done_on_time + t.done_late + t.open_in_term + t.open_overdue;

export interface DirectiveRef {
  id: number;
  kind: DirectiveKind;
  number: string;
  issuedOn: string;
  issuer: string;
  summary: string;
}

export interface DirectiveSummaryView extends DirectiveRef {
  items: number;
  tally: Tally;
}

export interface ItemTaskView {
  taskId: number;
  unitName: string;
  responsibleName: string;
  dueDate: string;
  category: Timeliness;
  /** reported done, waiting for confirmation (#19): counted in its open category */
  awaiting: boolean;
  evidence: number;
}

export interface ItemProgressView {
  number: string;
  content: string;
  tally: Tally;
  tasks: ItemTaskView[];
}

export interface DirectiveProgressView extends DirectiveRef {
  today: string;
  tally: Tally;
  items: ItemProgressView[];
  units: { unitName: string; tally: Tally }[];
}
