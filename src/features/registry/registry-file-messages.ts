// Registry files sent to the bot (secretariat chat): the preview of what would be added, changed and
// deactivated, and the answer to ✅. Part of the onboarding catalogue (onboarding.registryFile).
import { escapeHtml as h } from "../../domain/text.ts";
import { capped, uploadEn, uploadVi } from "../../i18n/upload.ts";
import type { RegistryChangeLine, RegistryEntity, RegistryPreviewView } from "./registry-upload.ts";

const ENTITY_VI: Record<RegistryEntity, string> = { programme: "chương trình", unit: "đơn vị", official: "cán bộ" };
const ENTITY_EN: Record<RegistryEntity, string> = { programme: "programme", unit: "unit", official: "official" };

const section = (
  head: string,
  lines: RegistryChangeLine[],
  entity: Record<RegistryEntity, string>,
  more: (n: number) => string,
) => (lines.length === 0 ? [] : [head, ...capped(lines, (l) => `• ${entity[l.entity]} ${h(l.name)}`, more)]);

export const registryFileVi = {
  ...uploadVi,
  preview: (v: RegistryPreviewView) =>
    [
      `📄 <b>Tệp danh sách «${h(v.fileName)}»</b>: ${v.rows} dòng hợp lệ.`,
      `Sẽ thêm ${v.added.length}, sửa ${v.changed.length}, ngừng hoạt động ${v.deactivated.length}.`,
      ...section("<b>Thêm mới:</b>", v.added, ENTITY_VI, (n) => `… và ${n} mục khác.`),
      ...section("<b>Sửa:</b>", v.changed, ENTITY_VI, (n) => `… và ${n} mục khác.`),
      ...section("<b>Ngừng hoạt động:</b>", v.deactivated, ENTITY_VI, (n) => `… và ${n} mục khác.`),
      v.added.length + v.changed.length + v.deactivated.length === 0
        ? "Tệp không có thay đổi nào so với danh sách hiện có."
        : uploadVi.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName: string) =>
    `Không đọc được tệp «${h(fileName)}». Đề nghị gửi tệp .xlsx hoặc .csv theo mẫu danh sách cán bộ, đơn vị.`,
  applied: (changes: number) => `✅ Đã cập nhật danh sách: ${changes} thay đổi, đã ghi nhật ký.`,
};

export const registryFileEn: typeof registryFileVi = {
  ...uploadEn,
  preview: (v) =>
    [
      `📄 <b>Registry file «${h(v.fileName)}»</b>: ${v.rows} valid rows.`,
      `${v.added.length} to add, ${v.changed.length} to change, ${v.deactivated.length} to deactivate.`,
      ...section("<b>New:</b>", v.added, ENTITY_EN, (n) => `… and ${n} more.`),
      ...section("<b>Changed:</b>", v.changed, ENTITY_EN, (n) => `… and ${n} more.`),
      ...section("<b>Deactivated:</b>", v.deactivated, ENTITY_EN, (n) => `… and ${n} more.`),
      v.added.length + v.changed.length + v.deactivated.length === 0
        ? "The file changes nothing in the registry."
        : uploadEn.confirm(v.expiresAt),
    ].join("\n"),
  unreadable: (fileName) => `Cannot read «${h(fileName)}». Please send an .xlsx or .csv file in the registry format.`,
  applied: (changes) => `✅ Registry updated: ${changes} changes, audited.`,
};
