import { getLocale, getTranslations } from "next-intl/server";
import {
  addDelegationAction,
  addParticipantAction,
  addSignatoryAction,
  addTopicAction,
  removeDelegationAction,
  removeRowAction,
  updateDelegationAction,
} from "@/app/meetings/[id]/actions";
import { ActionForm, type FieldRow, type FieldSpec } from "@/components/ui/action-form";
import { NamePair, pairLabel } from "@/components/ui/name-pair";
import type { ActionResult } from "@/lib/actions/action-result";
import type { DirectoryChoices } from "@/lib/directory/list-directory";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";
import { MoveButtons } from "./move-buttons";
import { TitleEditor } from "./title-editor";

/** `choices` is given when the user may change the meeting: the directory's entries in use. */
type Props = { meeting: MeetingDetails; choices: DirectoryChoices | null };
type Named = { id: string; nameRu: string; nameJa: string; side?: string };

/** Options of a select, each named in the reader's language first. */
const options = (entries: Named[], locale: string) => entries.map((e) => ({ value: e.id, label: pairLabel(locale, e.nameRu, e.nameJa) }));


/** A small form that removes one row; the refusal (a decided head, a signed signatory) shows beside it. */
type FormAction = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

async function RemoveButton({ action, hidden, idPrefix }: { action: FormAction; hidden: Record<string, string>; idPrefix: string }) {
  const t = await getTranslations("meeting");
  return (
    <ActionForm
      idPrefix={idPrefix}
      action={action}
      fields={[]}
      hidden={hidden}
      submitLabel={t("remove")}
      successMessage={t("saved")}
      submitClassName="button button--quiet button--danger button--small"
    />
  );
}

/** A select of directory entries with an empty first choice. */
const choice = (name: string, label: string, entries: Named[], locale: string): FieldSpec => ({
  name,
  label,
  type: "select",
  options: [{ value: "", label: "—" }, ...options(entries, locale)],
});

/** The pair of title fields a new row carries into the communiqué. */
const titles = (ru: string, ja: string): [FieldSpec, FieldSpec] => [
  { name: "titleRu", label: ru, lang: "ru" },
  { name: "titleJa", label: ja, lang: "ja" },
];

/** A folded form that adds a row to one of the meeting's lists. */
async function AddForm({ label, idPrefix, action, fields }: { label: string; idPrefix: string; action: FormAction; fields: FieldRow[] }) {
  const t = await getTranslations("meeting");
  return (
    <details className="editor">
      <summary>{label}</summary>
      <ActionForm idPrefix={idPrefix} action={action} fields={fields} submitLabel={label} successMessage={t("saved")} />
    </details>
  );
}

export async function DelegationsTable({ meeting, choices }: Props) {
  const [t, tc, locale] = await Promise.all([getTranslations("meeting"), getTranslations("common"), getLocale()]);
  const used = new Set(meeting.delegations.map((d) => d.cityId));
  const people = (side: string) => options((choices?.people ?? []).filter((p) => p.side === side), locale);
  const headFields = (side: string, head: string, deputy: string): FieldSpec[] => [
    { name: "headPersonId", label: t("head"), type: "select", defaultValue: head, options: [{ value: "", label: "—" }, ...people(side)] },
    { name: "deputyPersonId", label: t("deputy"), type: "select", defaultValue: deputy, options: [{ value: "", label: "—" }, ...people(side)] },
  ];
  return (
    <>
      <div className="table-wrap">
        <table className="data stackable">
          <thead>
            <tr>
              <th scope="col">{t("side")}</th>
              <th scope="col">{t("city")}</th>
              <th scope="col">{t("head")}</th>
              <th scope="col">{t("deputy")}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.delegations.map((d) => (
              <tr key={d.id}>
                <td data-label={t("side")}>{tc(`side${d.side}`)}</td>
                <td data-label={t("city")}>
                  <NamePair ru={d.city.nameRu} ja={d.city.nameJa} separator={<br />} />
                </td>
                <td data-label={t("head")}>
                  <NamePair ru={d.head.nameRu} ja={d.head.nameJa} separator={<br />} />
                </td>
                <td data-label={t("deputy")}>
                  {d.deputy ? <NamePair ru={d.deputy.nameRu} ja={d.deputy.nameJa} separator={<br />} /> : "—"}
                  {choices && (
                    <>
                      <details className="editor">
                        <summary>{t("changeHead")}</summary>
                        <ActionForm
                          idPrefix={`delegation-${d.id}`}
                          action={updateDelegationAction.bind(null, meeting.id)}
                          hidden={{ id: d.id }}
                          fields={[headFields(d.side, d.headPersonId, d.deputyPersonId ?? "") as [FieldSpec, FieldSpec]]}
                          submitLabel={tc("save")}
                          successMessage={t("saved")}
                        />
                      </details>
                      <RemoveButton action={removeDelegationAction.bind(null, meeting.id)} hidden={{ id: d.id }} idPrefix={`remove-delegation-${d.id}`} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {choices && (
        <details className="editor">
          <summary>{t("addDelegation")}</summary>
          <p className="muted">{t("addDelegationHint")}</p>
          <ActionForm
            idPrefix="new-delegation"
            action={addDelegationAction.bind(null, meeting.id)}
            fields={[
              {
                name: "cityId",
                label: t("city"),
                type: "select",
                options: [{ value: "", label: "—" }, ...options(choices.cities.filter((c) => !used.has(c.id)), locale)],
              },
              [
                { name: "headPersonId", label: t("head"), type: "select", options: [{ value: "", label: "—" }, ...options(choices.people, locale)] },
                { name: "deputyPersonId", label: t("deputy"), type: "select", options: [{ value: "", label: "—" }, ...options(choices.people, locale)] },
              ],
            ]}
            submitLabel={t("addDelegation")}
            successMessage={t("saved")}
          />
        </details>
      )}
    </>
  );
}

export async function ParticipantsTable({ meeting, choices }: Props) {
  const [t, tc, locale] = await Promise.all([getTranslations("meeting"), getTranslations("common"), getLocale()]);
  const attending = new Set(meeting.participants.map((p) => p.personId));
  return (
    <>
      <div className="table-wrap">
        <table className="data stackable">
          <thead>
            <tr>
              <th scope="col">{t("titleRu")}</th>
              <th scope="col">{t("titleJa")}</th>
              <th scope="col">{t("person")}</th>
            </tr>
          </thead>
          {(["RU", "JP"] as const).map((side) => {
            const rows = meeting.participants.filter((p) => p.delegation.side === side);
            return (
              <tbody key={side}>
                <tr>
                  <th scope="rowgroup" colSpan={3} className="side-heading">
                    {tc(`side${side}`)}
                  </th>
                </tr>
                {rows.map((p, index) => (
                  <tr key={p.id}>
                    <td data-label={t("titleRu")} lang="ru">
                      {p.titleRu}
                    </td>
                    <td data-label={t("titleJa")} lang="ja">
                      {p.titleJa}
                      {choices && <TitleEditor meetingId={meeting.id} kind="participant" id={p.id} titleRu={p.titleRu} titleJa={p.titleJa} />}
                    </td>
                    <td data-label={t("person")}>
                      <NamePair ru={p.person.nameRu} ja={p.person.nameJa} separator={<br />} />
                      {choices && (
                        <>
                          <MoveButtons meetingId={meeting.id} kind="participant" id={p.id} name={p.person.nameRu} first={index === 0} last={index === rows.length - 1} />
                          <RemoveButton action={removeRowAction.bind(null, meeting.id)} hidden={{ kind: "participant", id: p.id }} idPrefix={`remove-participant-${p.id}`} />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
      {choices && (
        <AddForm
          label={t("addParticipant")}
          idPrefix="new-participant"
          action={addParticipantAction.bind(null, meeting.id)}
          fields={[
            [choice("delegationId", t("delegation"), meeting.delegations.map((d) => ({ ...d.city, id: d.id })), locale), choice("personId", t("person"), choices.people.filter((p) => !attending.has(p.id)), locale)],
            titles(t("titleRu"), t("titleJa")),
          ]}
        />
      )}
    </>
  );
}

export async function SignatoriesTable({ meeting, choices }: Props) {
  const [t, tc, locale] = await Promise.all([getTranslations("meeting"), getTranslations("common"), getLocale()]);
  const signing = new Set(meeting.signatories.map((s) => s.personId));
  const last = meeting.signatories.length - 1;
  return (
    <>
      <div className="table-wrap">
        <table className="data stackable">
          <thead>
            <tr>
              <th scope="col">{t("order")}</th>
              <th scope="col">{t("side")}</th>
              <th scope="col">{t("titleRu")}</th>
              <th scope="col">{t("titleJa")}</th>
              <th scope="col">{t("person")}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.signatories.map((s, index) => (
              <tr key={s.id}>
                <td data-label={t("order")}>
                  {index + 1}
                  {choices && <MoveButtons meetingId={meeting.id} kind="signatory" id={s.id} name={s.person.nameRu} first={index === 0} last={index === last} />}
                </td>
                <td data-label={t("side")}>{tc(`side${s.side}`)}</td>
                <td data-label={t("titleRu")} lang="ru">
                  {s.titleRu}
                </td>
                <td data-label={t("titleJa")} lang="ja">
                  {s.titleJa}
                  {choices && <TitleEditor meetingId={meeting.id} kind="signatory" id={s.id} titleRu={s.titleRu} titleJa={s.titleJa} />}
                </td>
                <td data-label={t("person")}>
                  <NamePair ru={s.person.nameRu} ja={s.person.nameJa} separator={<br />} />
                  {choices && <RemoveButton action={removeRowAction.bind(null, meeting.id)} hidden={{ kind: "signatory", id: s.id }} idPrefix={`remove-signatory-${s.id}`} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {choices && (
        <AddForm
          label={t("addSignatory")}
          idPrefix="new-signatory"
          action={addSignatoryAction.bind(null, meeting.id)}
          fields={[
            choice("personId", t("person"), choices.people.filter((p) => !signing.has(p.id)), locale),
            titles(t("titleRu"), t("titleJa")),
          ]}
        />
      )}
    </>
  );
}

export async function TopicsTable({ meeting, choices }: Props) {
  const [t, locale] = await Promise.all([getTranslations("meeting"), getLocale()]);
  const last = meeting.topics.length - 1;
  const onAgenda = new Set(meeting.topics.map((mt) => mt.topicId));
  return (
    <>
      <ol className="topic-list">
        {meeting.topics.map((mt, index) => (
          <li key={mt.id}>
            <NamePair ru={`«${mt.titleRu}» (${mt.topic.nameRu})`} ja={`「${mt.titleJa}」（${mt.topic.nameJa}）`} separator={<br />} />
            {choices && (
              <div className="actions">
                <MoveButtons meetingId={meeting.id} kind="topic" id={mt.id} name={mt.topic.nameRu} first={index === 0} last={index === last} />
                <RemoveButton action={removeRowAction.bind(null, meeting.id)} hidden={{ kind: "topic", id: mt.id }} idPrefix={`remove-topic-${mt.id}`} />
              </div>
            )}
          </li>
        ))}
      </ol>
      {choices && (
        <AddForm
          label={t("addTopic")}
          idPrefix="new-topic"
          action={addTopicAction.bind(null, meeting.id)}
          fields={[
            choice("topicId", t("topic"), choices.topics.filter((tp) => !onAgenda.has(tp.id)), locale),
            titles(t("topicTitleRu"), t("topicTitleJa")),
          ]}
        />
      )}
    </>
  );
}
