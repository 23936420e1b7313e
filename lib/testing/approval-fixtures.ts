import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { confirmTranslation } from "@/lib/clauses/confirm-translation";
import { insertClause } from "@/lib/clauses/insert-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import type { RouteInput } from "@/lib/approvals/route";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { decide } from "@/lib/approvals/decide";
import { db } from "@/lib/db";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { createTestCommunique, seededLibraryClause, type LibraryKey } from "./drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "./test-db";

/** The seeded heads of delegation, Russian side first, and Khabarovsk's named deputy. */
export const KRAVCHUK = "kravchuk@khabarovsk.example";
export const IVANOVA = "ivanova@khabarovsk.example";
export const KALITA = "kalita@blagoveshchensk.example";
export const GLADKIKH = "gladkikh@nakhodka.example";
export const IVANENKO = "ivanenko@petropavlovsk-kamchatsky.example";
export const NAKAHARA = "nakahara@niigata.example";
export const TATAMI = "tatami@maizuru.example";
export const MATSUDA = "matsuda@kanazawa.example";
export const HONDA = "honda@toyama.example";

export const RU_HEADS = [KRAVCHUK, KALITA, GLADKIKH, IVANENKO] as const;
export const JP_HEADS = [NAKAHARA, TATAMI, MATSUDA, HONDA] as const;
export const HEADS = [...RU_HEADS, ...JP_HEADS] as const;
/** Everyone who is told when a revision goes round: the eight heads and the deputy. */
export const APPROVERS = [...HEADS, IVANOVA] as const;

/** The language each seeded delegate account reads mail in. */
export const LOCALE_OF: Record<string, "ru" | "ja"> = Object.fromEntries([
  ...[...RU_HEADS, IVANOVA].map((e) => [e, "ru" as const]),
  ...JP_HEADS.map((e) => [e, "ja" as const]),
]);

/**
 * The migrated, seeded database of an approval test file. Background mail delivery (started
 * after every commit that queued mail) is awaited before the database closes, and the
 * "kept in the outbox" log lines that delivery prints without an SMTP server are dropped.
 */
export function useApprovalDatabase() {
  useTestDatabase();
  beforeAll(() => {
    const info = console.info.bind(console);
    vi.spyOn(console, "info").mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].startsWith("mail (")) return;
      info(...args);
    });
  });
  // Hooks after the suite run in reverse order: this one runs before the database closes.
  afterAll(async () => {
    await deliveriesSettled();
    vi.mocked(console.info).mockRestore();
  });
}

export type Actors = Record<string, Actor>;

/** The actors of the staff accounts, the eight heads and the deputy, by e-mail. */
export async function approvalActors(): Promise<Actors> {
  const emails = [SECRETARIAT, ADMIN, ...APPROVERS];
  const actors = await Promise.all(emails.map((e) => actorFor(e)));
  return Object.fromEntries(emails.map((e, i) => [e, actors[i]!]));
}

const CLAUSES: LibraryKey[] = ["eight-point-plan", "energy-and-ports", "business-missions"];

/** A fresh meeting and its draft with three in-sync library clauses (ready to submit). */
export async function draftCommunique(secretariat: Actor) {
  const { communiqueId, meetingId } = await createTestCommunique(secretariat);
  const clauseIds: string[] = [];
  for (const key of CLAUSES) {
    const lib = await seededLibraryClause(key);
    clauseIds.push((await insertClause(secretariat, { communiqueId, position: clauseIds.length, libraryClauseId: lib.id })).id);
  }
  return { communiqueId, meetingId, clauseIds: clauseIds as [string, string, string] };
}

/** A draft as above, submitted (with the route given, or everyone in parallel). */
export async function submittedCommunique(secretariat: Actor, route?: (delegations: MeetingDelegation[]) => RouteInput) {
  const draft = await draftCommunique(secretariat);
  const delegations = await meetingDelegations(draft.meetingId);
  const submitted = await submitCommunique(secretariat, draft.communiqueId, route?.(delegations));
  return { ...draft, ...submitted, delegations };
}

export interface MeetingDelegation {
  id: string;
  /** The head's account e-mail. */
  head: string;
  headPersonId: string;
  deputy: string | null;
  deputyPersonId: string | null;
  /** The delegation of the host city. */
  host: boolean;
}

/** The delegations of a meeting with the accounts of their heads and deputies. */
export async function meetingDelegations(meetingId: string): Promise<MeetingDelegation[]> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { hostCityId: true } });
  const rows = await db.delegation.findMany({
    where: { meetingId },
    orderBy: [{ side: "asc" }, { position: "asc" }],
    include: { head: { include: { user: true } }, deputy: { include: { user: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    head: d.head.user!.email,
    headPersonId: d.headPersonId,
    deputy: d.deputy?.user?.email ?? null,
    deputyPersonId: d.deputyPersonId,
    host: d.cityId === meeting.hostCityId,
  }));
}

/** The delegation a seeded head (or deputy) speaks for. */
export function delegationOf(delegations: MeetingDelegation[], email: string): MeetingDelegation {
  const found = delegations.find((d) => d.head === email || d.deputy === email);
  if (!found) throw new Error(`No delegation of ${email}`);
  return found;
}

/** A head (or deputy) decides on a revision. */
export function decideAs(actor: Actor | null, communiqueId: string, revisionHash: string, decision: "APPROVED" | "CHANGES_REQUESTED" = "APPROVED", comment?: string) {
  return decide(actor, { communiqueId, revisionHash, decision, ...(comment === undefined ? {} : { comment }) });
}

/**
 * The mail about one communiqué: every message links to a page of it (staff) or carries a
 * personal sign-in link bound to it (heads and signatories). The same seeded accounts act in
 * every test meeting, so mail is told apart this way.
 */
export async function mailsOf(communiqueId: string, kind?: string) {
  const links = await db.accessToken.findMany({ where: { kind: "SIGN_IN_LINK", communiqueId }, select: { id: true } });
  return db.outboxMail.findMany({
    where: {
      OR: [{ text: { contains: `/communiques/${communiqueId}` } }, ...links.map((l) => ({ text: { contains: `/l/${l.id}.` } }))],
      ...(kind ? { kind } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * The page a mail leads to: through the recipient's personal sign-in link (heads and
 * signatories), or its plain address (staff, who sign in as usual).
 */
export async function linkedPage(text: string): Promise<string | null> {
  const personal = await personalLinkIn(text);
  if (personal) return personal.path;
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  return url ? new URL(url).pathname + new URL(url).hash : null;
}

/** The page a mail's personal sign-in link opens, and for whom (null when it has none). */
export async function personalLinkIn(text: string) {
  const id = /\/l\/([a-z0-9]+)\./.exec(text)?.[1];
  if (!id) return null;
  const row = await db.accessToken.findUniqueOrThrow({ where: { id } });
  return { path: row.path, userId: row.userId, communiqueId: row.communiqueId, expiresAt: row.expiresAt, kind: row.kind };
}

/** Snapshot of the mail queued so far about a communiqué, for `mailsSince`. */
export async function mailMark(communiqueId: string): Promise<Set<string>> {
  return new Set((await mailsOf(communiqueId)).map((m) => m.id));
}

/** The mail about a communiqué queued after a mark. */
export async function mailsSince(communiqueId: string, mark: Set<string>, kind?: string) {
  return (await mailsOf(communiqueId, kind)).filter((m) => !mark.has(m.id));
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** A message is in its recipient's language: Russian mail has no Japanese in it, and the other way round. */
export function expectWrittenIn(mail: { to: string; subject: string; text: string; locale: string }, locale: "ru" | "ja") {
  expect(mail.locale, mail.to).toBe(locale);
  const [own, other] = locale === "ru" ? [CYRILLIC, JAPANESE] : [JAPANESE, CYRILLIC];
  expect(mail.subject, `${mail.to}: subject "${mail.subject}"`).toMatch(own);
  expect(mail.subject, `${mail.to}: subject "${mail.subject}"`).not.toMatch(other);
  expect(mail.text, `${mail.to}: text`).toMatch(own);
  expect(mail.text, `${mail.to}: text`).not.toMatch(other);
}

/** The audit events of a communiqué with this action, in chain order. */
export function eventsOf(communiqueId: string, action: string) {
  return db.auditEvent.findMany({ where: { subjectType: "Communique", subjectId: communiqueId, action }, orderBy: { seq: "asc" } });
}

/** The rounds of a communiqué, oldest first, with their steps and decisions. */
export function roundsOf(communiqueId: string) {
  return db.approvalRound.findMany({
    where: { communiqueId },
    orderBy: { openedAt: "asc" },
    include: { revision: true, steps: { orderBy: { position: "asc" }, include: { members: true } }, decisions: { orderBy: { createdAt: "asc" } } },
  });
}

export const statusOf = async (communiqueId: string) => (await db.communique.findUniqueOrThrow({ where: { id: communiqueId } })).status;

/**
 * Changes one language of a clause and confirms the other as checked, so that the
 * communiqué can be submitted again.
 */
export async function editClause(secretariat: Actor, clauseId: string, lang: "ru" | "ja", text: string) {
  const { version } = await db.clause.findUniqueOrThrow({ where: { id: clauseId } });
  await updateClauseText(secretariat, { clauseId, lang, text, baseVersion: version });
  await confirmTranslation(secretariat, { clauseId, lang: lang === "ru" ? "ja" : "ru" });
}

async function newDelegateAccount(name: string) {
  const tag = randomUUID().slice(0, 8);
  const person = await db.person.create({ data: { side: "RU", nameRu: `${name} ${tag}`, nameJa: `${name} ${tag}`, locale: "ru" } });
  const user = await db.user.create({
    data: {
      email: `${name.toLowerCase()}-${tag}@approvals.example`,
      displayName: `${name} ${tag}`,
      passwordHash: "not-a-password-hash",
      role: "DELEGATE",
      locale: "ru",
      personId: person.id,
    },
  });
  return { person, user };
}

/** A delegate account whose person takes part in the meeting only as a participant (heads no delegation). */
export async function participantOnly(meetingId: string): Promise<Actor> {
  const { person, user } = await newDelegateAccount("Participant");
  const delegation = await db.delegation.findFirstOrThrow({ where: { meetingId }, orderBy: { position: "asc" } });
  await db.participant.create({
    data: { meetingId, delegationId: delegation.id, personId: person.id, titleRu: "Советник", titleJa: "顧問", position: 99 },
  });
  return actorFor(user.email);
}

/** A delegate account whose person takes no part in any meeting. */
export async function outsider(): Promise<Actor> {
  const { user } = await newDelegateAccount("Outsider");
  return actorFor(user.email);
}
