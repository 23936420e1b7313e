import type { CertificateEvent, CompletionCertificate } from "../certificate";

const PEOPLE = [
  { who: { ru: "Иванов Сергей Петрович", ja: "セルゲイ・イワノフ" }, role: { ru: "Глава делегации, Хабаровск", ja: "代表団長（ハバロフスク市）" } },
  { who: { ru: "Ямада Таро", ja: "山田太郎" }, role: { ru: "Мэр города Ниигата", ja: "新潟市長" } },
  {
    who: { ru: "Константинопольский Владимир Александрович", ja: "ウラジーミル・コンスタンチノポリスキー" },
    role: { ru: "Заместитель главы делегации, Владивосток", ja: "代表団副団長（ウラジオストク市）" },
  },
  { who: { ru: "Сато Ханако", ja: "佐藤花子" }, role: { ru: "Начальник управления международных связей", ja: "国際交流課長" } },
  { who: { ru: "Кравчук Максим Юрьевич", ja: "マクシム・クラフチュク" }, role: { ru: "Мэр города Находка", ja: "ナホトカ市長" } },
];
const METHODS = [{ ru: "нарисована", ja: "手書き" }, { ru: "напечатано имя", ja: "氏名入力" }, { ru: "печать", ja: "印影" }];

/**
 * A certificate of `count` events for tests and sample renders: approvals first, then
 * signatures, with deputies acting for heads, IPv4 and IPv6 addresses, every method.
 * Each event's person carries its number, so every name in the table is distinct.
 */
export function sampleCertificate(count = 20): CompletionCertificate {
  const events: CertificateEvent[] = [];
  for (let i = 0; i < count; i++) {
    const person = PEOPLE[i % PEOPLE.length]!;
    const approval = i < Math.ceil(count * 0.4);
    events.push({
      kind: approval ? "approval" : "signature",
      who: { ru: `${person.who.ru} ${i + 1}`, ja: `${person.who.ja}${i + 1}` },
      role: person.role,
      ...(i % 5 === 3 ? { onBehalfOf: { ru: `Шевченко Ольга ${i + 1}`, ja: `オリガ・シェフチェンコ${i + 1}` } } : {}),
      at: new Date(Date.UTC(2019, 7, 24, 3, i, (7 * i) % 60)).toISOString(),
      ip: i % 7 === 6 ? `2001:0db8:85a3:0000:0000:8a2e:0370:${(7300 + i).toString(16)}` : `203.0.113.${10 + i}`,
      ...(approval ? {} : { method: METHODS[i % METHODS.length] }),
    });
  }
  return {
    title: { ru: "Лист подтверждения подписания", ja: "署名完了証明書" },
    revision: { number: 3, hash: "3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f" },
    auditHead: "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
    sealNote: { ru: "Электронная печать: самоподписанный сертификат ассоциации", ja: "電子印：協会の自己署名証明書" },
    events,
    generatedAt: "2019-08-24T05:12:33.000Z",
  };
}
