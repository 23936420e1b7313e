import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { draftPdf, revisionPdf } from "@/lib/communiques/communique-pdf";
import { getDraft } from "@/lib/communiques/get-draft";
import { updatePart } from "@/lib/communiques/update-part";
import { db } from "@/lib/db";
import { pdftotext } from "@/lib/pdf/testing/poppler";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestCommunique, refusal, seededLibraryClause, seedText } from "@/lib/testing/drafting-fixtures";
import { actorFor, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { cleanClauseText, MAX_CLAUSE_CHARS, undrawable } from "./clause-text";
import { confirmTranslation } from "./confirm-translation";
import { deleteClause } from "./delete-clause";
import { insertClause } from "./insert-clause";
import { updateClauseText } from "./update-clause-text";

useTestDatabase();

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let secretariat: Actor;
let communiqueId: string;
let libraryId: string;
const seeded = seedText("energy-and-ports");

beforeAll(async () => {
  secretariat = await actorFor(SECRETARIAT);
  ({ communiqueId } = await createTestCommunique(secretariat));
  libraryId = (await seededLibraryClause("energy-and-ports")).id;
});

/** A fresh in-sync clause (version 1) with the seeded texts, at the end of the draft. */
async function newClause(): Promise<string> {
  const { id } = await insertClause(secretariat, { communiqueId, position: 1000, libraryClauseId: libraryId });
  return id;
}
const row = (id: string) => db.clause.findUniqueOrThrow({ where: { id } });
const textEvents = (clauseId: string) =>
  db.auditEvent
    .findMany({ where: { subjectType: "Communique", subjectId: communiqueId, action: "clause.text-updated" }, orderBy: { seq: "asc" } })
    .then((events) => events.filter((e) => (e.data as { clause?: string }).clause === clauseId));

describe("updateClauseText and the translation flags", () => {
  it("saves Russian: Japanese flagged, Russian not, version + 1, audited with hashes of before and after", async () => {
    const id = await newClause();
    const before = await row(id);
    const text = "Стороны констатировали важность сотрудничества в энергетической сфере.";
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 });

    expect(state).toEqual({ id, version: 2, textRu: text, textJa: seeded.ja, ruStale: false, jaStale: true });
    const after = await row(id);
    expect(after).toMatchObject({ textRu: text, textJa: seeded.ja, ruStale: false, jaStale: true, version: 2 });
    expect(after.ruChangedAt.getTime()).toBeGreaterThan(before.ruChangedAt.getTime());
    expect(after.jaChangedAt.getTime()).toBe(before.jaChangedAt.getTime());

    const events = await textEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(secretariat.userId);
    expect(events[0]!.data).toEqual({ clause: id, lang: "ru", before: sha256(seeded.ru), after: sha256(text), version: 2 });
    // The audit trail holds hashes, never the texts themselves.
    expect(JSON.stringify(events[0]!.data)).not.toContain("Стороны");

    // The editor sees the same.
    const draft = await getDraft(secretariat, communiqueId);
    expect(draft.clauses.find((c) => c.id === id)).toMatchObject({ textRu: text, ruStale: false, jaStale: true, version: 2 });
  });

  it("saves Japanese of an in-sync clause: Russian flagged", async () => {
    const id = await newClause();
    const text = "双方は、エネルギー分野における協力の重要性を確認した。";
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text, baseVersion: 1 });
    expect(state).toMatchObject({ version: 2, textJa: text, textRu: seeded.ru, ruStale: true, jaStale: false });
    expect((await textEvents(id))[0]!.data).toMatchObject({ lang: "ja", before: sha256(seeded.ja), after: sha256(text) });
  });

  it("editing the flagged Japanese clears its flag without flagging Russian", async () => {
    const id = await newClause();
    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Стороны обсудили энергетику.", baseVersion: 1 });
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は、エネルギーについて議論した。", baseVersion: 2 });
    expect(state).toMatchObject({ version: 3, ruStale: false, jaStale: false, textRu: "Стороны обсудили энергетику.", textJa: "双方は、エネルギーについて議論した。" });
    expect(await row(id)).toMatchObject({ ruStale: false, jaStale: false, version: 3 });
  });

  it("editing Russian again while Japanese is flagged keeps Japanese flagged", async () => {
    const id = await newClause();
    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Первая правка.", baseVersion: 1 });
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Вторая правка.", baseVersion: 2 });
    expect(state).toMatchObject({ version: 3, ruStale: false, jaStale: true });
  });

  it("further saves of the same translating pass keep the other language unflagged", async () => {
    const id = await newClause();
    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Стороны обсудили порты.", baseVersion: 1 });
    // The translator updates the flagged Japanese: the first save clears the flag …
    let state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は、港湾", baseVersion: 2, translating: true });
    expect(state).toMatchObject({ ruStale: false, jaStale: false, version: 3 });
    // … and the next saves of the same pass, now on an unflagged clause, do not flag Russian.
    state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は、港湾について議論した。", baseVersion: 3, translating: true });
    expect(state).toMatchObject({ ruStale: false, jaStale: false, version: 4, textJa: "双方は、港湾について議論した。" });
    // A later, separate edit (not translating) flags Russian again.
    state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は、港湾について詳しく議論した。", baseVersion: 4 });
    expect(state).toMatchObject({ ruStale: true, jaStale: false, version: 5 });
  });

  it("saving the text unchanged changes nothing: no new version, no flag, no event", async () => {
    const id = await newClause();
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: `  ${seeded.ru}  `, baseVersion: 1 });
    expect(state).toMatchObject({ version: 1, ruStale: false, jaStale: false });
    expect(await row(id)).toMatchObject({ version: 1, ruStale: false, jaStale: false });
    expect(await textEvents(id)).toEqual([]);
  });

  it("refuses a deleted clause with NOT_FOUND", async () => {
    const id = await newClause();
    await deleteClause(secretariat, { clauseId: id });
    expect((await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Текст.", baseVersion: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(updateClauseText(secretariat, { clauseId: "no-such-clause", lang: "ru", text: "Текст.", baseVersion: 1 }))).code).toBe("NOT_FOUND");
  });

  it("refuses an unknown language and a missing base version with VALIDATION", async () => {
    const id = await newClause();
    let error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "en", text: "Text.", baseVersion: 1 }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("lang");
    error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Текст." }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("baseVersion");
    expect((await row(id)).version).toBe(1);
  });
});

describe("confirmTranslation", () => {
  it("clears the flag of the confirmed language, bumps the version and records it", async () => {
    const id = await newClause();
    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Стороны подтвердили договорённости.", baseVersion: 1 });
    const state = await confirmTranslation(secretariat, { clauseId: id, lang: "ja" });
    expect(state).toMatchObject({ id, version: 3, ruStale: false, jaStale: false, textJa: seeded.ja });
    expect(await row(id)).toMatchObject({ version: 3, ruStale: false, jaStale: false });
    const events = await db.auditEvent.findMany({
      where: { subjectType: "Communique", subjectId: communiqueId, action: "clause.translation-confirmed" },
    });
    expect(events.map((e) => e.data)).toContainEqual({ clause: id, lang: "ja" });
  });

  it("confirming the unflagged language leaves the flagged one flagged", async () => {
    const id = await newClause();
    await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は、確認した。", baseVersion: 1 });
    const state = await confirmTranslation(secretariat, { clauseId: id, lang: "ja" });
    expect(state).toMatchObject({ ruStale: true, jaStale: false });
  });

  it("refuses to confirm an empty text with VALIDATION", async () => {
    const { id } = await insertClause(secretariat, { communiqueId, position: 1000 });
    const error = await refusal(confirmTranslation(secretariat, { clauseId: id, lang: "ru" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ text: "required" });
    expect((await row(id)).version).toBe(1);
  });
});

describe("edit conflicts", () => {
  it("refuses the second of two saves from the same version, returning both texts, and keeps the first", async () => {
    const id = await newClause();
    const other = await newClause();
    const otherBefore = await row(other);
    const first = "Стороны отметили значение портов.";
    const second = "Стороны отметили <b>особое</b> значение портов.";

    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: first, baseVersion: 1 });
    const error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ru", text: second, baseVersion: 1 }));
    expect(error.code).toBe("EDIT_CONFLICT");
    expect(error.details).toEqual({
      // Nothing is lost: the refused text comes back as it would have been stored, markup and all.
      yours: second,
      lang: "ru",
      theirs: { id, version: 2, textRu: first, textJa: seeded.ja, ruStale: false, jaStale: true },
    });
    // The details travel to the browser as JSON.
    expect(JSON.parse(JSON.stringify(error.details))).toEqual(error.details);

    expect(await row(id)).toMatchObject({ textRu: first, version: 2, ruStale: false, jaStale: true });
    expect(await textEvents(id)).toHaveLength(1);
    // The other clause is untouched.
    expect(await row(other)).toEqual(otherBefore);
  });

  it("refuses a save from an older version in the other language too", async () => {
    const id = await newClause();
    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Новая русская редакция.", baseVersion: 1 });
    const error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "新しい日本語。", baseVersion: 1 }));
    expect(error.code).toBe("EDIT_CONFLICT");
    expect(error.details).toMatchObject({ yours: "新しい日本語。", lang: "ja", theirs: { version: 2, textRu: "Новая русская редакция." } });
    expect((await row(id)).textJa).toBe(seeded.ja);
    // Saved again from the current version, it goes through.
    await expect(updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "新しい日本語。", baseVersion: 2 })).resolves.toMatchObject({
      version: 3,
      textJa: "新しい日本語。",
      ruStale: false,
      jaStale: false,
    });
  });

  it("lets only one of two concurrent saves from the same version through", async () => {
    const id = await newClause();
    const results = await Promise.allSettled([
      updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Параллельная правка А.", baseVersion: 1 }),
      updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Параллельная правка Б.", baseVersion: 1 }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: "EDIT_CONFLICT" });
    const stored = await row(id);
    expect(stored.version).toBe(2);
    expect(stored.textRu).toBe((ok[0] as PromiseFulfilledResult<{ textRu: string }>).value.textRu);
  });
});

describe("text normalisation and checks", () => {
  let id: string;
  beforeEach(async () => {
    id = await newClause();
  });

  // A clause is plain text: "<", ">" and "&" are characters like any other. They are escaped
  // where the text is output (React, the review markup) and drawn as text in the PDF; the save
  // neither strips what looks like a tag nor decodes what looks like an entity.
  it("stores a text with < and > unchanged: nothing between them is lost", async () => {
    const text = "Рост товарооборота составил <5% при условии, что a<b и c>d.";
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 });
    expect(state).toMatchObject({ textRu: text, version: 2 });
    expect((await row(id)).textRu).toBe(text);
    expect((await textEvents(id))[0]!.data).toMatchObject({ after: sha256(text) });
    // The editor shows it as typed.
    expect((await getDraft(secretariat, communiqueId)).clauses.find((c) => c.id === id)).toMatchObject({ textRu: text });
  });

  it("stores tags typed as text unchanged, scripts and their content included", async () => {
    const text = "<script>alert(1)</script> и <b>жирный</b>";
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 });
    expect(state.textRu).toBe(text);
    expect((await row(id)).textRu).toBe(text);
    // Japanese too, and a paragraph tag is not a line break.
    const ja = "<p>双方は、<i>協力</i>を確認した。</p><br>";
    expect((await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: ja, baseVersion: 2 })).textJa).toBe(ja);
    expect((await row(id)).textJa).toBe(ja);
  });

  it("keeps entity and character references literally, as typed", async () => {
    const text = "&lt; и &#1076; и &amp;lt;b&amp;gt; и &nbsp; и &#99999999; и &laquo;";
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 });
    expect(state.textRu).toBe(text);
    expect((await row(id)).textRu).toBe(text);
    // Saving the stored text again changes nothing: no version, no event.
    expect(await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: state.textRu, baseVersion: 2 })).toEqual(state);
    expect(await textEvents(id)).toHaveLength(1);
  });

  it("cleans only white space, controls and format characters around markup", async () => {
    const text = "\u200b <p>Стороны\u0007   <b>согласились</b>\r\n\r\n\r\n&amp;\tподписали</p>  ";
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 });
    expect(state.textRu).toBe("<p>Стороны <b>согласились</b>\n\n&amp; подписали</p>");
  });

  it("removes control characters and bidi overrides, collapses spaces and composes to NFC", async () => {
    const decomposed = "Второи\u0306 пункт"; // и + combining breve
    const text = `\u0007${decomposed}\u202E  согласован\u0000\r\nи\t\tподписан.  `;
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 });
    expect(state.textRu).toBe("Второй пункт согласован\nи подписан.");
    expect(state.textRu).toBe(state.textRu.normalize("NFC"));
    expect(state.textRu).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202E]/);
    expect((await row(id)).textRu).toBe("Второй пункт согласован\nи подписан.");
    // The audit hash is of the stored (clean) text.
    expect((await textEvents(id))[0]!.data).toMatchObject({ after: sha256("Второй пункт согласован\nи подписан.") });
  });

  it("keeps the ideographic space of Japanese text", async () => {
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は、\u3000合意した。", baseVersion: 1 });
    expect(state.textJa).toBe("双方は、\u3000合意した。");
  });

  it("refuses an empty or blank text with VALIDATION { text: required }, saving nothing", async () => {
    for (const text of ["", "   ", "\n\t \r\n", "\u0007\u0008", " \u200b\u202e\u3000"]) {
      const error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ru", text, baseVersion: 1 }));
      expect(error.code, JSON.stringify(text)).toBe("VALIDATION");
      expect(error.fieldErrors, JSON.stringify(text)).toEqual({ text: "required" });
    }
    expect(await row(id)).toMatchObject({ textRu: seeded.ru, version: 1, jaStale: false });
    expect(await textEvents(id)).toEqual([]);
  });

  it("refuses a text over MAX_CLAUSE_CHARS with VALIDATION { text: clauseTooLong } and the limit", async () => {
    const error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "あ".repeat(MAX_CLAUSE_CHARS + 1), baseVersion: 1 }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ text: "clauseTooLong" });
    expect(error.params).toMatchObject({ max: MAX_CLAUSE_CHARS, length: MAX_CLAUSE_CHARS + 1 });
    expect(await row(id)).toMatchObject({ textJa: seeded.ja, version: 1 });
    // Exactly at the limit is fine.
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "あ".repeat(MAX_CLAUSE_CHARS), baseVersion: 1 });
    expect(state.textJa).toHaveLength(MAX_CLAUSE_CHARS);
  });

  it("measures the limit on the text as typed, after white space is normalised: markup counts, runs of spaces do not", async () => {
    // "<p>" + 1,999 × "а " + "а</p>": exactly the limit, with runs of spaces and controls that go.
    const words = `${"а ".repeat(MAX_CLAUSE_CHARS / 2 - 4)}а`;
    const atLimit = `<p>${words.replace(/ /g, "   \u0007")}</p>${"      ".repeat(100)}`;
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: atLimit, baseVersion: 1 });
    expect(state.textRu).toBe(`<p>${words}</p>`);
    expect(state.textRu).toHaveLength(MAX_CLAUSE_CHARS);
    // One character of markup more is one character over.
    const error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ru", text: `<p>${words}</p>>`, baseVersion: 2 }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ text: "clauseTooLong" });
    expect(error.params).toMatchObject({ max: MAX_CLAUSE_CHARS, length: MAX_CLAUSE_CHARS + 1 });
    expect(await row(id)).toMatchObject({ textRu: `<p>${words}</p>`, version: 2 });
  });

  it("knows which characters the document's font cannot draw", () => {
    expect(undrawable("😀")).toEqual(["😀"]);
    expect(undrawable("\u{20000}")).toEqual(["\u{20000}"]); // CJK extension B, not in the font
    expect(undrawable("𠮷")).toEqual([]); // extension B, but in the font (JIS X 0213)
    expect(undrawable("Стороны согласились. 双方は合意した。«»—№")).toEqual([]);
  });

  it("refuses characters the font cannot draw with MISSING_GLYPHS listing them, saving nothing", async () => {
    const error = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ru", text: "Стороны 😀 согласились 😀.", baseVersion: 1 }));
    expect(error.code).toBe("MISSING_GLYPHS");
    expect(error.params.chars).toBe("😀");
    expect(error.details).toEqual({ chars: ["😀"] });

    const both = await refusal(updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "双方は\u{20000}と😀について合意した。", baseVersion: 1 }));
    expect(both.code).toBe("MISSING_GLYPHS");
    expect(String(both.params.chars).split(" ").sort()).toEqual(["\u{20000}", "😀"].sort());

    expect(await row(id)).toMatchObject({ textRu: seeded.ru, textJa: seeded.ja, version: 1, ruStale: false, jaStale: false });
    expect(await textEvents(id)).toEqual([]);
  });

  it("accepts a rare ideograph the font does have", async () => {
    const state = await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: "𠮷野家との協力を確認した。", baseVersion: 1 });
    expect(state.textJa).toBe("𠮷野家との協力を確認した。");
  });
});

describe("clause-text helpers", () => {
  it("cleanClauseText keeps <, > and & and whatever lies between them", () => {
    for (const text of ["a < b, x > y & z", "<5%", "a<b и c>d", "<script>alert(1)</script>", "<!-- x -->", "&lt;&#1076;&#x41;&foo;", "<<b>>", "</"]) {
      expect(cleanClauseText(text), text).toBe(text);
    }
  });

  it("cleanClauseText refuses what is not a string", () => {
    expect(() => cleanClauseText(42)).toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: { text: "required" } }));
  });
});

describe("markup typed as text, beyond the clause itself", () => {
  it("a standard part keeps it as typed, like a clause", async () => {
    const { communiqueId: fresh } = await createTestCommunique(secretariat);
    const text = "Участники  обсудили темы <5%\u0007 и <b>a<b и c>d</b> &lt;";
    const state = await updatePart(secretariat, { communiqueId: fresh, kind: "topics", lang: "ru", text, baseVersion: 1 });
    expect(state.textRu).toBe("Участники обсудили темы <5% и <b>a<b и c>d</b> &lt;");
    expect((await getDraft(secretariat, fresh)).parts.find((p) => p.kind === "topics")?.text.ru).toBe(state.textRu);
  });

  it("the PDF of the draft and of a revision prints it literally", async () => {
    const { communiqueId: fresh } = await createTestCommunique(secretariat);
    const { id } = await insertClause(secretariat, { communiqueId: fresh, position: 0, libraryClauseId: libraryId });
    const ru = "Рост товарооборота составил <5% при условии, что a<b и c>d. <script>alert(1)</script> &lt;";
    const ja = "貿易額の伸びは<5%、ただしa<bかつc>dとする。<b>太字</b>";
    await updateClauseText(secretariat, { clauseId: id, lang: "ru", text: ru, baseVersion: 1 });
    await updateClauseText(secretariat, { clauseId: id, lang: "ja", text: ja, baseVersion: 2 });
    // Compared without white space: the typesetter breaks lines where it must.
    const squash = (s: string) => s.normalize("NFC").replace(/\s/g, "");
    const revision = await saveRevision(secretariat, fresh);
    for (const { bytes } of [await draftPdf(secretariat, fresh), await revisionPdf(secretariat, fresh, revision.id)]) {
      const text = squash(pdftotext(bytes, ["-raw", "-enc", "UTF-8"]));
      for (const fragment of [ru, ja, "<5%", "a<b и c>d", "<script>alert(1)</script>"]) expect(text, fragment).toContain(squash(fragment));
    }
  });
});
