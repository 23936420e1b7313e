import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Actor } from "@/lib/auth/actor";
import { deleteClause } from "@/lib/clauses/delete-clause";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { openSigning } from "@/lib/signatures/open-signing";
import {
  approvalActors,
  decideAs,
  delegationOf,
  draftCommunique,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  meetingDelegations,
  NAKAHARA,
  outsider,
  type Actors,
} from "./approval-fixtures";
import { createTestMeeting } from "./drafting-fixtures";
import { meetingSignatories, signAll, signatoryOf, type MeetingSignatory } from "./signing-fixtures";
import { ADMIN, SECRETARIAT } from "./test-db";

// ---------------------------------------------------------------------------------------
// Discovery: what the app exposes to the browser, read from the source tree.

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where server actions may live (a "use server" file anywhere here is an endpoint). */
const ACTION_DIRS = ["app", "lib", "components"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next"]);

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

export interface Endpoint {
  /** "app/x/actions.ts#fooAction" or "app/x/route.ts GET": the name of its matrix row. */
  name: string;
  /** Repository-relative path with forward slashes. */
  file: string;
  exportName: string;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return SKIP_DIRS.has(entry) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && !entry.endsWith(".d.ts") ? [full] : [];
  });
}

const byName = (a: Endpoint, b: Endpoint) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const relative = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join("/");

/** The source without comments (string contents are kept; none of ours hides "export" in a string that matters). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/[^\n]*/g, "$1");
}

/** A module-level "use server" directive: the first statement of the file, before any import. */
export function isServerActionFile(source: string): boolean {
  return /^(["'])use server\1\s*(;|\n|$)/.test(withoutComments(source.replace(/^\uFEFF/, "")).trimStart());
}

/**
 * The value exports a module declares, read from its text. `export *` cannot be listed this
 * way and is reported as an error, so an endpoint cannot slip in unseen.
 */
export function exportedNames(source: string, file: string): string[] {
  const text = withoutComments(source);
  if (/^export\s*\*/m.test(text)) throw new Error(`${file}: "export *" hides which endpoints the module has`);
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^export\s+(?:const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^export\s+(?:const|let|var)\s+\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part.split(":").pop()!.split("=")[0]!.trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/^export\s+(type\s+)?\{([^}]*)\}/gm)) {
    if (m[1]) continue; // export type { … }
    for (const part of m[2]!.split(",")) {
      const spec = part.trim();
      if (!spec || spec.startsWith("type ")) continue;
      names.add(spec.split(/\s+as\s+/).pop()!.trim());
    }
  }
  if (/^export\s+default\s/m.test(text)) names.add("default");
  return [...names].sort();
}

/** Every exported function of every "use server" module: each one is a server action. */
export function discoverServerActions(): Endpoint[] {
  return ACTION_DIRS.flatMap((dir) => sourceFiles(path.join(REPO_ROOT, dir)))
    .filter((file) => isServerActionFile(readFileSync(file, "utf8")))
    .flatMap((file) => {
      const rel = relative(file);
      return exportedNames(readFileSync(file, "utf8"), rel).map((exportName) => ({ name: `${rel}#${exportName}`, file: rel, exportName }));
    })
    .sort(byName);
}

/**
 * Files with a "use server" directive that is not the module's first statement: a server
 * action declared inside a component. Such an action is an endpoint too, but one that this
 * discovery cannot name, so there must be none.
 */
export function findInlineServerActions(): string[] {
  return ACTION_DIRS.flatMap((dir) => sourceFiles(path.join(REPO_ROOT, dir)))
    .filter((file) => {
      const source = readFileSync(file, "utf8");
      return /(["'])use server\1/.test(withoutComments(source)) && !isServerActionFile(source);
    })
    .map(relative);
}

/** Every HTTP method exported by a route.ts under app/. */
export function discoverRouteHandlers(): Endpoint[] {
  return sourceFiles(path.join(REPO_ROOT, "app"))
    .filter((file) => /^route\.tsx?$/.test(path.basename(file)))
    .flatMap((file) => {
      const rel = relative(file);
      return exportedNames(readFileSync(file, "utf8"), rel)
        .filter((name) => (HTTP_METHODS as readonly string[]).includes(name))
        .map((exportName) => ({ name: `${rel} ${exportName}`, file: rel, exportName }));
    })
    .sort(byName);
}

/** Loads an endpoint's module through the test runner (so the request-context mocks apply). */
export async function importEndpointModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(REPO_ROOT, file))) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------
// Callers

/**
 * The kinds of caller every endpoint is tried with. The meeting concerned is a private copy
 * of the seeded XXVII meeting; the delegation concerned is Khabarovsk.
 * - headConcerned: Kravchuk, head of Khabarovsk (also the first signatory);
 * - otherHead: Nakahara, head of Niigata, takes part in the meeting;
 * - deputy: Ivanova, named deputy of Kravchuk (a participant, not a signatory);
 * - signatory: Kalita. In the seed every signatory is also a head of delegation, so the
 *   signatory who is not the head concerned is a head too (Blagoveshchensk); the signing rows
 *   put her own signature at stake;
 * - outsider: a delegate account whose person takes no part in the meeting.
 */
export const CALLERS = ["anonymous", "admin", "secretariat", "headConcerned", "otherHead", "deputy", "signatory", "outsider"] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_EMAIL = {
  admin: ADMIN,
  secretariat: SECRETARIAT,
  headConcerned: KRAVCHUK,
  otherHead: NAKAHARA,
  deputy: IVANOVA,
  signatory: KALITA,
} as const satisfies Partial<Record<Caller, string>>;

export interface Cast {
  /** The actor of each kind of caller (null: not signed in). */
  callers: Record<Caller, Actor | null>;
  /** Every seeded staff and delegate account by e-mail, for building state. */
  as: Actors;
}

export async function loadCast(): Promise<Cast> {
  const as = await approvalActors();
  const callers = {
    anonymous: null,
    admin: as[CALLER_EMAIL.admin]!,
    secretariat: as[CALLER_EMAIL.secretariat]!,
    headConcerned: as[CALLER_EMAIL.headConcerned]!,
    otherHead: as[CALLER_EMAIL.otherHead]!,
    deputy: as[CALLER_EMAIL.deputy]!,
    signatory: as[CALLER_EMAIL.signatory]!,
    outsider: await outsider(),
  } satisfies Record<Caller, Actor | null>;
  return { callers, as };
}

// ---------------------------------------------------------------------------------------
// State: real communiqués in each workflow state, built through the use cases.

export interface MeetingScene {
  meetingId: string;
  signatories: MeetingSignatory[];
}

/** A fresh copy of the seeded meeting, without a communiqué. */
export async function meetingScene(): Promise<MeetingScene> {
  const { id: meetingId } = await createTestMeeting();
  return { meetingId, signatories: await meetingSignatories(meetingId) };
}

export interface DraftScene {
  meetingId: string;
  communiqueId: string;
  clauseIds: [string, string, string];
}

/** A fresh meeting and its DRAFT communiqué with three in-sync library clauses. */
export async function draftScene(cast: Cast): Promise<DraftScene> {
  return draftCommunique(cast.as[SECRETARIAT]!);
}

/** As draftScene, with the second clause deleted (something to restore). */
export async function draftWithDeletedClause(cast: Cast): Promise<DraftScene & { deletedClauseId: string }> {
  const draft = await draftScene(cast);
  await deleteClause(cast.as[SECRETARIAT]!, { clauseId: draft.clauseIds[1] });
  return { ...draft, deletedClauseId: draft.clauseIds[1] };
}

export interface ApprovalScene extends DraftScene {
  revisionId: string;
  hash: string;
  /** A block of the revision a comment can be anchored to. */
  blockId: string;
}

/**
 * IN_APPROVAL with an open round whose route is Khabarovsk alone: deciding is the business
 * of Kravchuk and his deputy only, and the other heads of the meeting are not on the route.
 */
export async function approvalScene(cast: Cast): Promise<ApprovalScene> {
  const draft = await draftScene(cast);
  const khabarovsk = delegationOf(await meetingDelegations(draft.meetingId), KRAVCHUK);
  const { revisionId, hash } = await submitCommunique(cast.as[SECRETARIAT]!, draft.communiqueId, { steps: { [khabarovsk.id]: 1 } });
  const revision = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  const blockId = (revision.content as unknown as RevisionPayload).content.blocks.find((b) => b.kind === "preamble")!.id;
  return { ...draft, revisionId, hash, blockId };
}

/** APPROVED: Kravchuk approved the Khabarovsk-only round; signing not opened yet. */
export async function approvedScene(cast: Cast): Promise<ApprovalScene> {
  const scene = await approvalScene(cast);
  await decideAs(cast.as[KRAVCHUK]!, scene.communiqueId, scene.hash);
  return scene;
}

export interface SigningScene extends ApprovalScene {
  signatories: MeetingSignatory[];
  /** The signature at stake in the signing rows: the signatory caller's own. */
  signatoryId: string;
}

/** SIGNING: the approved revision is open for signing, nobody has signed yet. */
export async function signingScene(cast: Cast): Promise<SigningScene> {
  const scene = await approvedScene(cast);
  await openSigning(cast.as[SECRETARIAT]!, scene.communiqueId);
  const signatories = await meetingSignatories(scene.meetingId);
  return { ...scene, signatories, signatoryId: signatoryOf(signatories, CALLER_EMAIL.signatory).id };
}

export interface FinalisedScene extends SigningScene {
  /** The sealed PDF on record. */
  pdf: Uint8Array;
}

/** SIGNED: every signatory has signed and the sealed PDF is stored. */
export async function finalisedScene(cast: Cast): Promise<FinalisedScene> {
  const scene = await signingScene(cast);
  await signAll(cast.as, scene.communiqueId, scene.hash, scene.signatories);
  const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId: scene.communiqueId } });
  return { ...scene, pdf: new Uint8Array(final.pdf) };
}

/**
 * A person who takes part in no meeting and has no account. Accounts the matrix creates speak
 * for such a person: a staff account would be told of every other test's communiqués.
 */
export async function freePerson(): Promise<{ id: string }> {
  const tag = randomUUID().slice(0, 8);
  return db.person.create({ data: { side: "RU", nameRu: `Проверка ${tag}`, nameJa: `確認 ${tag}`, locale: "ru" }, select: { id: true } });
}

/** A delegate account of its own (see freePerson), for the account-management rows to change. */
export async function spareAccount(): Promise<{ id: string; personId: string }> {
  const person = await freePerson();
  const user = await db.user.create({
    data: { email: `authz-${randomUUID()}@matrix.example`, displayName: "Authz matrix", role: "DELEGATE", locale: "ru", personId: person.id, passwordHash: "not-a-password-hash" },
  });
  return { id: user.id, personId: person.id };
}

/** Form data as a browser would post it. */
export function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

// ---------------------------------------------------------------------------------------
// Outcomes

/**
 * The error codes that mean "you may not" (assertCan's two, also thrown by the use cases'
 * own checks such as "not your signature"): everything else is a workflow or input answer.
 * No policy answers 404 here: NOT_FOUND means the thing does not exist.
 */
const REFUSAL_CODES: readonly string[] = ["UNAUTHENTICATED", "FORBIDDEN"];
const REFUSAL_STATUS: Record<number, string> = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN" };

export interface Outcome {
  /** Refused by authorization. */
  refused: boolean;
  /** Did what it was asked to (ok result, 2xx/3xx response, a redirect elsewhere than sign-in). */
  succeeded: boolean;
  /** For the report: the code, status or redirect. */
  detail: string;
}

interface ActionResultLike {
  ok: boolean;
  at: number;
  code?: string;
}

const isActionResult = (value: unknown): value is ActionResultLike =>
  typeof value === "object" && value !== null && typeof (value as ActionResultLike).ok === "boolean" && typeof (value as ActionResultLike).at === "number";

const isFormState = (value: unknown): value is { error: string | null } =>
  typeof value === "object" && value !== null && "error" in value && (typeof value.error === "string" || value.error === null);

/** The target of a redirect thrown by next/navigation, or null for any other error. */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) return null;
  return digest.split(";")[2] ?? "";
}

const toSignIn = (target: string) => new URL(target, "http://app.invalid").pathname === "/sign-in";

const fromCode = (code: string): Outcome => ({ refused: REFUSAL_CODES.includes(code), succeeded: false, detail: code });

/**
 * What a call came to. `value` is what the endpoint returned; `recorded` the results of the
 * runAction calls it made (for actions that return nothing, like a form that redirects).
 * `signInRedirectIsSuccess`: for sign-out, whose success is the way to the sign-in page.
 */
export function classify(
  result: { value: unknown } | { error: unknown },
  recorded: unknown[],
  options: { signInRedirectIsSuccess?: boolean } = {},
): Outcome {
  // A use case that refused decides, whatever the action did next with the result.
  const refusal = recorded.filter(isActionResult).find((r) => !r.ok && REFUSAL_CODES.includes(r.code ?? ""));
  if (refusal) return fromCode(refusal.code!);
  if ("error" in result) {
    const target = redirectTarget(result.error);
    if (target !== null) {
      if (toSignIn(target) && !options.signInRedirectIsSuccess) return { refused: true, succeeded: false, detail: `redirect ${target}` };
      return { refused: false, succeeded: true, detail: `redirect ${target}` };
    }
    if (isAppError(result.error)) return fromCode(result.error.code);
    throw result.error; // not an answer the app gives on purpose: let the test show it
  }
  const { value } = result;
  if (value instanceof Response) {
    const code = REFUSAL_STATUS[value.status];
    return { refused: code !== undefined, succeeded: value.status < 400, detail: `HTTP ${value.status}${code ? ` ${code}` : ""}` };
  }
  // The sign-in form's own state: { error: null } or { error: "<CODE>" }.
  if (isFormState(value)) return value.error === null ? { refused: false, succeeded: true, detail: "ok" } : fromCode(value.error);
  const outcome = isActionResult(value) ? value : recorded.filter(isActionResult).at(-1);
  if (outcome) return outcome.ok ? { refused: false, succeeded: true, detail: "ok" } : fromCode(outcome.code ?? "?");
  return { refused: false, succeeded: true, detail: value === undefined ? "done" : JSON.stringify(value).slice(0, 80) };
}
