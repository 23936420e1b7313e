import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ja from "./messages/ja.json";
import ru from "./messages/ru.json";

const errors = (locale: "ru" | "ja" | "en", messages: typeof ru) => createTranslator({ locale, messages, namespace: "errors" });

describe("counts in messages agree with their number", () => {
  it("says «в пункте 2» for one clause and «в пунктах 2, 5» for two, in Russian", () => {
    const t = errors("ru", ru);
    expect(t("STALE_TRANSLATIONS", { clauses: "2", count: 1 })).toBe("Нельзя отправить на согласование: перевод требует обновления в пункте 2.");
    expect(t("STALE_TRANSLATIONS", { clauses: "2, 5", count: 2 })).toBe("Нельзя отправить на согласование: перевод требует обновления в пунктах 2, 5.");
    expect(t("EMPTY_CLAUSES", { clauses: "4", count: 1 })).toBe("Пункт 4 не заполнен на одном из языков.");
    expect(t("EMPTY_CLAUSES", { clauses: "4, 7", count: 2 })).toBe("Пункты 4, 7 не заполнены на одном из языков.");
  });

  it("agrees in English and lists in Japanese", () => {
    expect(errors("en", en as unknown as typeof ru)("EMPTY_CLAUSES", { clauses: "4", count: 1 })).toBe("Clause 4 is empty in one of the languages.");
    expect(errors("en", en as unknown as typeof ru)("EMPTY_CLAUSES", { clauses: "4, 7", count: 2 })).toBe("Clauses 4, 7 are empty in one of the languages.");
    expect(errors("ja", ja as unknown as typeof ru)("EMPTY_CLAUSES", { clauses: "4", count: 1 })).toBe("次の条項がいずれかの言語で空欄です：4");
  });
});
