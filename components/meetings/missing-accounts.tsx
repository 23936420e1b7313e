import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestAccountAction } from "@/app/directory/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";
import { NamePair } from "@/components/ui/name-pair";

type Person = MeetingDetails["signatories"][number]["person"];

/**
 * Heads, deputies and signatories who cannot sign in: a head without an account cannot
 * approve, a signatory without one cannot sign. Listed for the secretariat with what each is.
 */
export async function MissingAccounts({ meeting }: { meeting: MeetingDetails }) {
  const [t, td] = await Promise.all([getTranslations("meeting"), getTranslations("directory")]);
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
            <NamePair ru={person.nameRu} ja={person.nameJa} /> — {[...roles].join(", ")}
            {person.email && !person.user && (
              <ActionForm
                idPrefix={`request-${person.id}`}
                action={requestAccountAction}
                fields={[]}
                hidden={{ personId: person.id, meetingId: meeting.id }}
                submitLabel={td("requestAccount")}
                successMessage={td("accountRequested")}
                submitClassName="button button--quiet button--small"
              />
            )}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/directory?kind=person">{t("openDirectory")}</Link>
      </p>
    </section>
  );
}
