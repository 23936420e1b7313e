import fc from "fast-check";

/**
 * Hostile clause texts for property tests: what people paste into an editor (Word and web
 * pages, chat apps, PDFs) and what an attacker types. Each text mixes pieces of one of two
 * profiles: "plain" pieces the document font can print (Russian, Japanese, typography,
 * markup, which is text like any other, controls that are cleaned away), so that many texts
 * are accepted and reach the PDF, and "hostile" ones that add what it cannot (emoji,
 * right-to-left scripts, lone surrogates, arbitrary code points), so that many are refused.
 */

const RUSSIAN = [
  "Стороны", "согласились", "сотрудничество", "в", "области", "энергетики", "и", "портов", "Хабаровск",
  "Благовещенск", "Петропавловск-Камчатский", "Ниигата", "«Года", "обменов»", "—", "№", "XXVII", "2019", "г.",
  "ёлка", "ЁЖ", "объявили", "высокоэффективными", "межрегиональных", "ТОРов", "РФ", "т.е.", "(экономика),",
  "взаимопонимания;", "100%", "1-2", "5–7", "…", "„лапки“", "‘кавычки’", "о-во", "Щ", "ъ", "электроэнергетический",
];

const JAPANESE = [
  "双方は", "、", "。", "協力", "を確認した", "日ロ沿岸市長会議", "ペトロパブロフスク・カムチャツキー市", "（TOR）",
  "第27回", "２０１９年", "ｶﾀｶﾅ", "〜", "～", "ー", "「", "」", "『", "』", "【", "】", "々", "〆", "ヶ", "𠮷野家",
  "𩸽", "髙﨑", "一", "⼀", "中原八一", "※", "〒", "①", "➀", "…", "―", "—", "　", "、。", "ゝゞ", "ヴ",
];

/** Printable typography the font has, including characters that share a glyph with another one. */
const SYMBOLS = [
  "«", "»", "—", "–", "‒", "-", "‑", "‐", "−", "…", "⋯", "№", "‰", "§", "©", "™", "°", "±", "×", "÷", "€", "¥", "$",
  "★", "☆", "→", "←", "↑", "①", "➀", "❶", "➊", "Ⅰ", "ⅰ", "〜", "～", "／", "∕", "⺟", "母", "⻄", "西", "‘", "ʻ",
  "'", '"', "`", "\\", "{", "}", "[", "]", "|", "^", "~", "@", "#", "%", "*", "+", "=", "_", "ǅ", "ﬁ", "Å", "Ω",
];

/** White space of every kind: collapsed, kept (U+3000) or turned into line breaks. */
const SPACES = [
  " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n\n\n", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u202f",
  "\u205f", "\u1680", "\u3000", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029", "\ufeff", " \n \t ",
];

/** Controls and invisible format characters: C0, DEL, C1, zero-width, joiners, bidi marks and overrides, soft hyphen. */
const CONTROLS = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\u001b", "\u001f", "\u007f", "\u0080", "\u009b", "\u009f", "\u200b",
  "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\u2061", "\u2064", "\u061c", "\u202a", "\u202b", "\u202c",
  "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad", "\u180e", "\u206a", "\ufff9", "\u{e0041}",
];

/** Base letters and combining marks: some compose under NFC, some are printable as marks, some are not. */
const BASES = ["a", "e", "x", "и", "е", "ж", "Ё", "か", "ハ", "ウ", "1", " ", "。"];
const MARKS = ["\u0300", "\u0301", "\u0302", "\u0304", "\u0306", "\u0307", "\u0308", "\u030c", "\u0327", "\u0336", "\u20dd", "\u3099", "\u309a", "\u1ab0", "\ufe0f"];

const EMOJI = [
  "😀", "👍", "👍🏽", "✌🏿", "👨‍👩‍👧‍👦", "👩🏽‍💻", "🏳️‍🌈", "🇯🇵", "🇷🇺", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "❤️", "❤", "1️⃣", "#️⃣", "☺️", "🫠", "🧑‍🤝‍🧑", "🗾",
];

const RTL = ["مرحبا", "السلام عليكم", "שלום", "עִבְרִית", "١٢٣", "\u202eгород\u202c", "\u2067שלום\u2069 город", "ﷺ", "א־ב"];

/**
 * Markup, comparisons and references as someone may type them (a web page's source, a formula,
 * a probe for script injection): all of it text, which a save must keep as typed.
 */
const HTML = [
  "<5%", "a<b", "c>d", "a<b и c>d", "<=", "->", "<<", ">>",
  "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/a.js></SCRIPT>", "<style>p{color:red}</style>", "<b>", "</b>",
  "<i>курсив</i>", "<p>", "</p>", "<br>", "<br/>", "<br />", '<a href="javascript:alert(1)">ссылка</a>',
  "<img src=x onerror=alert(1)>", "<!-- комментарий -->", "<div class='x'>", "</div>", "<span style=\"x\">",
  "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&laquo;", "&raquo;", "&mdash;", "&ndash;", "&copy;", "&#1046;",
  "&#12354;", "&#0;", "&#7;", "&#173;", "&#8203;", "&#55296;", "&#128512;", "&#99999999;", "&#x41;", "&amp;lt;b&amp;gt;",
  "&lt;script&gt;", "&amp;amp;", "&foo;", "a < b", "c > d", "<", ">", "&", "<b", "</", "<3", "<<b>>", "<scr<script>ipt>",
  "<script>", "</script>", "<style>", "<p\n>", "<P>", "&AMP;", "&nbsp", "&#", "&#;",
];

/** Lone halves of surrogate pairs: not Unicode text at all. */
const SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00"];

const pick = (values: string[]) => fc.constantFrom(...values);
const combining = fc
  .tuple(pick(BASES), fc.array(pick(MARKS), { minLength: 1, maxLength: 3 }))
  .map(([base, marks]) => base + marks.join(""));
/** A mark the font can print after a letter NFC cannot compose it with, or that NFC composes. */
const printableCombining = fc
  .tuple(pick(["x", "ж", "и", "е", "か", "ハ", "a"]), pick(["\u0300", "\u0301", "\u0304", "\u0307", "\u030c", "\u0306", "\u0308", "\u3099", "\u309a"]))
  .map(([base, mark]) => base + mark);

/** A letter, a control and a mark: once the control is gone, NFC composes them (и + ̆ → й). */
const splitComposition = fc
  .tuple(pick(["и", "е", "a", "か", "ハ"]), pick(CONTROLS), pick(["\u0300", "\u0301", "\u0306", "\u0308", "\u3099", "\u309a"]))
  .map(([base, control, mark]) => base + control + mark);

const plainPiece = fc.oneof(
  { arbitrary: pick(RUSSIAN), weight: 8 },
  { arbitrary: pick(JAPANESE), weight: 6 },
  { arbitrary: pick(SYMBOLS), weight: 3 },
  { arbitrary: pick(SPACES), weight: 2 },
  { arbitrary: pick(CONTROLS), weight: 2 },
  { arbitrary: pick(HTML), weight: 3 },
  { arbitrary: printableCombining, weight: 1 },
  { arbitrary: splitComposition, weight: 1 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 6 }), weight: 2 },
);

const hostilePiece = fc.oneof(
  { arbitrary: plainPiece, weight: 6 },
  { arbitrary: pick(EMOJI), weight: 2 },
  { arbitrary: pick(RTL), weight: 2 },
  { arbitrary: combining, weight: 1 },
  { arbitrary: pick(SURROGATES), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 3 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }), weight: 1 },
);

/** Mostly spaces between pieces, sometimes nothing (pieces run together) or a line break. */
const separator = fc.oneof({ arbitrary: fc.constant(" "), weight: 6 }, { arbitrary: fc.constant(""), weight: 2 }, { arbitrary: pick(SPACES), weight: 1 });

const mixOf = (piece: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([p, s]) => p + s).join(""));

/** A text `length` units long (or a little more) made by repeating `unit`. */
const repeated = (unit: fc.Arbitrary<string>, length: fc.Arbitrary<number>) =>
  fc.tuple(unit, length).map(([u, n]) => (u.length === 0 ? "" : u.repeat(Math.ceil(n / u.length)).slice(0, n)));

/** Around the 4,000-character limit, and far beyond it (20,000). */
const longLength = fc.oneof(fc.integer({ min: 3_990, max: 4_010 }), fc.constant(20_000), fc.integer({ min: 500, max: 3_000 }));

const long = fc.oneof(
  // Running text at and around the limit.
  repeated(mixOf(plainPiece), longLength),
  // Nothing but short words and signs, which the typesetter ties to their neighbours.
  repeated(
    fc.array(pick(["и", "в", "с", "к", "о", "а", "№", "—", "–", "§", "1", "и̌и", ".#'", "т.е.", "г.", "XX"]), { minLength: 1, maxLength: 6 }).map((w) => `${w.join(" ")} `),
    fc.integer({ min: 100, max: 4_000 }),
  ),
  // One unbreakable word as wide as many lines: Cyrillic, Latin, digits, kana.
  repeated(pick(["а", "ж", "W", "7", "あ", "－", "—", "ё"]), fc.integer({ min: 50, max: 4_000 })),
  // Twenty thousand characters of markup, which counts as text, or of markup among white space
  // and controls, which do not: some of these fit once cleaned, some do not.
  repeated(
    pick([
      "<b>ж</b>", "<p>Стороны</p>", "&nbsp;", "<script>x</script>", "     ", "\u0000",
      `<b>ж</b>${" ".repeat(40)}`, `&nbsp;${"\u0000".repeat(30)}`, `<script>x</script>${"\t".repeat(90)}`, `<p>${" \n".repeat(20)}`,
    ]),
    fc.constant(20_000),
  ),
  // Twenty thousand arbitrary code points.
  fc.string({ unit: "binary", minLength: 20_000, maxLength: 20_000 }),
);

const blank = fc.oneof(
  fc.constant(""),
  fc.array(pick(SPACES), { minLength: 1, maxLength: 10 }).map((s) => s.join("")),
  fc.array(pick([...SPACES, ...CONTROLS]), { minLength: 1, maxLength: 10 }).map((s) => s.join("")),
);

/** One clause text as a user might submit it. */
export const clauseText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mixOf(plainPiece), weight: 10 },
  { arbitrary: mixOf(hostilePiece), weight: 6 },
  { arbitrary: long, weight: 2 },
  { arbitrary: blank, weight: 1 },
);
