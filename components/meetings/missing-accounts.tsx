import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";

type Person = MeetingDetails["signatories"][number]["person"];

/**
 * Heads, deputies and signatories who cannot sign in: a head without an account cannot
 * approve, a signatory without one cannot sign. Listed for the secretariat with what each is.
 */
export async function MissingAccounts({ meeting }: { meeting: MeetingDetails }) {
  const t = await getTranslations("meeting");
  const missing = new Map<string, { person: Person; roles: Set<string> }>();
  const note = (person: Person, role: string) => {
    if (person.user?.active) return;
    const entry = missing.get(person.id) ?? { person, roles: new Set<string>() };
    entry.roles.add(role);
    missing.set(person.id, entry);
  };
  for (const d of meeting.delegations) {
    note(d.head, t("roleHead"));
    if (d.deputy) note(d.deputy, t("roleDeputy"));
  }
  for (const s of meeting.signatories) note(s.person, t("roleSignatory"));
  if (missing.size === 0) return null;
  return (
    <section className="card notice--warn" aria-labelledby="missing-accounts">
      <h2 id="missing-accounts">{t("missingAccounts")}</h2>
      <p>{t("missingAccountsHint")}</p>
      <ul className="warning-list">
        {[...missing.values()].map(({ person, roles }) => (
          <li key={person.id}>
            <span lang="ru">{person.nameRu}</span> / <span lang="ja">{person.nameJa}</span> — {[...roles].join(", ")}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/directory?kind=person">{t("openDirectory")}</Link>
      </p>
    </section>
  );
}
