import type { CommuniqueContent } from "@/lib/communique/content";
import { compareContents } from "@/lib/revisions/compare-contents";
import type { Recipient } from "./recipients";

const PART_NAMES: Record<string, Record<Recipient["locale"], string>> = {
  title: { ru: "Заголовок", ja: "表題", en: "Title" },
  meetingLine: { ru: "Название встречи", ja: "会議名", en: "Meeting line" },
  preamble: { ru: "Преамбула", ja: "前文", en: "Preamble" },
  participants: { ru: "Список участников", ja: "出席者", en: "Participants" },
  topics: { ru: "Темы обсуждения", ja: "議題", en: "Discussion topics" },
  closing: { ru: "Заключительный пункт", ja: "結びの条項", en: "Closing clause" },
  formula: { ru: "Формула о равной силе", ja: "正文に関する条項", en: "Equal-force formula" },
  signing: { ru: "Место и дата подписания", ja: "署名の場所及び日付", en: "Place and date of signing" },
};
const CLAUSE = { ru: (n: number) => `Пункт ${n}`, ja: (n: number) => `第${n}項`, en: (n: number) => `Clause ${n}` };
const STATUS = {
  ru: { changed: "изменён", added: "добавлен", removed: "удалён" },
  ja: { changed: "変更", added: "追加", removed: "削除" },
  en: { changed: "changed", added: "added", removed: "removed" },
} as const;

/** What changed between two revisions, one line per block, in the recipient's language. */
export function changeSummary(older: CommuniqueContent, newer: CommuniqueContent) {
  const diff = compareContents(older, newer).filter((d) => d.status !== "same");
  const clauseNumber = new Map(newer.blocks.filter((b) => b.kind === "clause").map((b, i) => [b.id, i + 1]));
  const oldNumber = new Map(older.blocks.filter((b) => b.kind === "clause").map((b, i) => [b.id, i + 1]));
  return {
    count: diff.length,
    lines: (locale: Recipient["locale"]) =>
      diff.map((d) => {
        const name =
          d.kind === "clause"
            ? CLAUSE[locale](clauseNumber.get(d.id) ?? oldNumber.get(d.id) ?? 0)
            : (PART_NAMES[d.kind]?.[locale] ?? d.kind);
        return `${name}: ${STATUS[locale][d.status as "changed" | "added" | "removed"]}`;
      }),
  };
}

/** "Пункт 3" / "第3項" / "Clause 3" for a clause, the part's name for a standard part. */
export function blockLabel(content: CommuniqueContent, blockId: string, locale: Recipient["locale"]): string {
  const clauses = content.blocks.filter((b) => b.kind === "clause");
  const index = clauses.findIndex((b) => b.id === blockId);
  if (index >= 0) return CLAUSE[locale](index + 1);
  const block = content.blocks.find((b) => b.id === blockId);
  return (block && PART_NAMES[block.kind]?.[locale]) ?? blockId;
}
