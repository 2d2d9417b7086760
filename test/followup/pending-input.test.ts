// Two questions the bot waits on from the same person in the same chat: the reason of an obstacle (⚠️ Vướng
// mắc) and a capital plan file awaiting ✅. Each is its own PendingInput (unique per chat, user and kind), so
// neither overwrites the other, and each completes on its own — in either order.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SentMessage } from "../../tools/emulator/bot-api-server.ts";
import { OBSTACLE_INPUT } from "../../src/features/tasks/assign.ts";
import { PLAN_UPLOAD_INPUT } from "../../src/features/disbursement/plan-upload.ts";
import { collect } from "../support/collect.ts";
import { describeOnSqlite } from "../support/db.ts";
import { DEMO, at, group, startHarness, user, type Harness, MENTION } from "../support/harness.ts";

const HEADER = [
  "Đơn vị",
  "Chương trình",
  "Năm",
  "Nguồn (TW/ĐP)",
  "Loại (ĐTPT/SN)",
  "Số tiền",
  "Số quyết định",
  "Ngày quyết định",
];
const secretariatGroup = group(DEMO.groups.secretariat);
const secretariat = user(DEMO.secretariat);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describeOnSqlite("a pending obstacle reason beside a pending plan upload", (provider) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(provider, { start: at(9, 0) });
  });
  afterEach(async () => {
    await h.close();
  });

  const all = (action: () => Promise<unknown>) => collect(h, action);
  const csv = (lines: string[]) => new TextEncoder().encode([HEADER.join(","), ...lines].join("\n"));
  const pendingKinds = async () =>
    (
      await h.db.db.pendingInput.findMany({
        orderBy: { kind: "asc" },
        select: { kind: true, chatId: true, userId: true },
      })
    ).map((p) => [p.kind, Number(p.chatId), Number(p.userId)]);
  const newPlan = () => h.db.db.capitalPlan.findFirst({ where: { year: 2027, amountVnd: 5_000_000_000n } });

  async function sendPlanFile(): Promise<SentMessage> {
    const before = h.emulator.sent.length;
    h.emulator.userSendsDocument({
      from: secretariat,
      chat: secretariatGroup,
      filename: "kh.csv",
      bytes: csv(["Nam Trà My,NTM,2027,TW,ĐTPT,5 tỷ,,"]),
      caption: MENTION,
    });
    await h.emulator.waitIdle();
    const [preview, ...more] = h.emulator.sent.slice(before);
    expect(more).toHaveLength(0);
    expect(preview!.text).toContain("Sẽ thêm 1 kế hoạch mới");
    return preview!;
  }

  /** Thu (secretariat) presses ⚠️ on An's task in the secretariat group; returns the bot's question */
  async function askObstacle(taskId: number): Promise<SentMessage> {
    const [list] = await all(() => h.say(secretariat, secretariatGroup, "/vuongmac"));
    const [asked, ...more] = await all(() => h.press(secretariat, secretariatGroup, list!.message_id, `obs:${taskId}`));
    expect(more).toHaveLength(0);
    expect(asked!.text).toBe(
      `Đồng chí <a href="tg://user?id=${DEMO.secretariat.id}">${DEMO.secretariat.name}</a>:\n` +
        "⚠️ Đề nghị đồng chí trả lời tin này bằng lý do vướng mắc của việc «Nộp báo cáo tiến độ giải ngân tháng».",
    );
    return asked!;
  }

  async function answerObstacle(asked: SentMessage, taskId: number) {
    const replies = await all(() =>
      h.say(secretariat, secretariatGroup, "Chưa có số liệu của xã Trà Mai", asked.message_id),
    );
    const obstacle = await h.db.db.obstacle.findFirstOrThrow();
    expect(obstacle).toMatchObject({ taskId, reason: "Chưa có số liệu của xã Trà Mai", status: "OPEN" });
    expect(replies.map((m) => m.text)).toContain(
      `Đã ghi nhận vướng mắc #${obstacle.id} của việc «Nộp báo cáo tiến độ giải ngân tháng» và báo Văn phòng điều phối.`,
    );
  }

  async function applyPlan(preview: SentMessage) {
    const ok = (preview.reply_markup as Keyboard).inline_keyboard[0]![0]!.callback_data;
    const sent = await h.press(secretariat, secretariatGroup, preview.message_id, ok);
    expect(sent.at(-1)!.text).toBe(
      "✅ Đã áp dụng tệp kế hoạch vốn ngày 24/11/2026: 1 kế hoạch mới, 0 kế hoạch cập nhật.",
    );
    expect(await newPlan()).not.toBeNull();
  }

  const taskId = async () =>
    (await h.db.db.task.findFirstOrThrow({ where: { title: { startsWith: "Nộp báo cáo" } } })).id;

  it("⚠️ first, then a plan file: the file does not eat the awaited reason; the reason, then ✅, both complete", async () => {
    const id = await taskId();
    const asked = await askObstacle(id);
    const preview = await sendPlanFile();
    expect(await pendingKinds()).toEqual([
      [OBSTACLE_INPUT, secretariatGroup.id, DEMO.secretariat.id],
      [PLAN_UPLOAD_INPUT, secretariatGroup.id, DEMO.secretariat.id],
    ]);

    await answerObstacle(asked, id);
    expect(await pendingKinds()).toEqual([[PLAN_UPLOAD_INPUT, secretariatGroup.id, DEMO.secretariat.id]]);
    expect(await newPlan()).toBeNull();

    await applyPlan(preview);
    expect(await h.db.db.pendingInput.count()).toBe(0);
    expect(await h.db.db.obstacle.count()).toBe(1);
  });

  it("a plan file first, then ⚠️: the question does not drop the preview; ✅, then the reason, both complete", async () => {
    const id = await taskId();
    const preview = await sendPlanFile();
    const asked = await askObstacle(id);
    expect(await pendingKinds()).toEqual([
      [OBSTACLE_INPUT, secretariatGroup.id, DEMO.secretariat.id],
      [PLAN_UPLOAD_INPUT, secretariatGroup.id, DEMO.secretariat.id],
    ]);

    await applyPlan(preview);
    expect(await pendingKinds()).toEqual([[OBSTACLE_INPUT, secretariatGroup.id, DEMO.secretariat.id]]);
    expect(await h.db.db.obstacle.count()).toBe(0);

    // asked again: still one obstacle question (its own row is refreshed, not doubled)
    const again = await askObstacle(id);
    expect(await h.db.db.pendingInput.count()).toBe(1);
    await answerObstacle(again, id);
    expect(await h.db.db.pendingInput.count()).toBe(0);
    expect(await h.db.db.obstacle.count()).toBe(1);
    void asked;
  });
});
