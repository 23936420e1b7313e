import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { issueLinkToken } from "@/lib/auth/access-tokens";
import { startSession } from "@/lib/auth/sessions";
import { toRoman } from "@/lib/communique/roman";
import { addComment } from "@/lib/comments/add-comment";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import {
  approvalScene,
  approvedScene,
  CALLERS,
  classify,
  discoverRouteHandlers,
  discoverServerActions,
  draftScene,
  draftWithDeletedClause,
  exportedNames,
  finalisedScene,
  findInlineServerActions,
  form,
  freePerson,
  HTTP_METHODS,
  importEndpointModule,
  isServerActionFile,
  loadCast,
  meetingScene,
  signingScene,
  spareAccount,
  type Caller,
  type Cast,
  type Endpoint,
} from "@/lib/testing/authz-matrix-fixtures";
import { KRAVCHUK } from "@/lib/testing/approval-fixtures";
import { PASSWORD, sha256, signAs, useSigningDatabase } from "@/lib/testing/signing-fixtures";

/**
 * The authorization matrix: every server action and route handler of the app, called for real
 * (in-process, with real state) by each kind of caller, against the expected allow or deny.
 * A permission that changes, or an endpoint added without a row here, fails this file.
 *
 * Only the Next.js request context is replaced: who is signed in (getActor), the request's
 * headers and cookies, cache revalidation, and next-intl's request-bound translator. The use
 * cases, the policy, the database and Auth.js run as in production.
 */

// The request being served: set before each call, read by the mocks below.
const request = vi.hoisted(() => {
  // Auth.js reads its secret when its configuration is built, on first import.
  vi.stubEnv("AUTH_SECRET", "authz-matrix-test-secret-0123456789abcdef");
  return {
    actor: null as Actor | null,
    headers: new Headers(),
    cookies: new Map<string, string>(),
    /** What runAction returned during the call (actions that return nothing are judged by it). */
    results: [] as unknown[],
  };
});

vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") request.cookies.set(name, value ?? "");
      else request.cookies.set(name.name, name.value);
    },
    delete: (name: string) => request.cookies.delete(name),
  }),
}));

vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

vi.mock("@/lib/auth/get-actor", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getActor: async () => request.actor,
    // As the real one: no actor, off to the sign-in page.
    requireActor: async () => {
      if (!request.actor) redirect("/sign-in");
      return request.actor;
    },
  };
});

// next-intl finds its request configuration through a Next.js build alias; here the app's own
// locale rule (lib/i18n/request.ts) and message catalogues make the translator instead.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const catalogues = {
    ru: (await import("@/lib/i18n/messages/ru.json")).default,
    ja: (await import("@/lib/i18n/messages/ja.json")).default,
    en: (await import("@/lib/i18n/messages/en.json")).default,
  };
  return {
    getRequestConfig: (make: unknown) => make,
    getTranslations: async (namespace?: string) => {
      const { resolveLocale } = await import("@/lib/i18n/request");
      const locale = await resolveLocale();
      return createTranslator({ locale, messages: catalogues[locale], namespace: namespace as never });
    },
  };
});

// The real runAction, watched: an action that returns nothing (a form that redirects) is
// judged by the result its use case came to.
vi.mock("@/lib/actions/action-result", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/actions/action-result")>();
  return {
    ...real,
    runAction: async <T,>(fn: () => Promise<T>) => {
      const result = await real.runAction(fn);
      request.results.push(result);
      return result;
    },
  };
});

useSigningDatabase();

type Verdict = "allow" | "deny";
type Row = Record<Caller, Verdict>;

// ---------------------------------------------------------------------------------------
// The expected matrix. Derived from lib/authz/policy.ts and the use cases:
// - staff rights are per role (the secretariat drafts, routes and opens signing; the admin
//   manages accounts and may read everything, but changes no communiqué);
// - a delegate may read what belongs to a meeting they take part in; deciding is for the
//   head and the deputy of a delegation on the round's route (here: Khabarovsk alone);
//   signing and declining are for the signatory whose signature it is (here: Kalita's own);
// - sign-in, sign-out, language, verification, health and Auth.js are public.

const EXPECTED: Record<string, Row> = {
  // Public
  "app/actions/set-locale.ts#setLocaleAction":                     { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/actions/sign-out.ts#signOutAction":                         { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/sign-in/actions.ts#signInAction":                           { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/api/auth/[...nextauth]/route.ts GET":                       { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/api/auth/[...nextauth]/route.ts POST":                      { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/api/health/route.ts GET":                                   { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  // Mailed links: whoever holds the link, signed in or not (the token decides, never the session)
  "app/l/[token]/actions.ts#openLinkAction":                       { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/l/[token]/actions.ts#freshLinkAction":                      { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/invitation/[token]/actions.ts#acceptInvitationAction":      { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/reset-password/[token]/actions.ts#resetPasswordAction":     { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/forgot-password/actions.ts#forgotPasswordAction":           { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/verify/check/route.ts POST":                               { anonymous: "allow", admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  // Accounts: the admin only
  "app/admin/users/actions.ts#createUserAction":                   { anonymous: "deny",  admin: "allow", secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/admin/users/actions.ts#updateUserAction":                   { anonymous: "deny",  admin: "allow", secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/admin/users/actions.ts#resendInvitationAction":             { anonymous: "deny",  admin: "allow", secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/admin/users/actions.ts#revokeInvitationAction":             { anonymous: "deny",  admin: "allow", secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/admin/users/actions.ts#signOutEverywhereAction":            { anonymous: "deny",  admin: "allow", secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // One's own account: whoever is signed in (a link session is refused by the policy, see link-session.test)
  "app/account/actions.ts#endOwnSessionAction":                    { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/account/actions.ts#endOtherSessionsAction":                 { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  "app/account/actions.ts#changePasswordAction":                   { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "allow" },
  // The directory: the secretariat and the admin
  "app/directory/actions.ts#saveEntryAction":                      { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/directory/actions.ts#setRetiredAction":                     { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/directory/actions.ts#requestAccountAction":                 { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // The clause library: the secretariat
  "app/library/actions.ts#saveLibraryClauseAction":              { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/library/actions.ts#setLibraryClauseRetiredAction":        { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // Meeting facts and the communiqué's creation: the secretariat only
  "app/meetings/[id]/actions.ts#updateMeetingAction":              { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#updateTitleAction":                { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#moveRowAction":              { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#addDelegationAction":            { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#updateDelegationAction":         { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#removeDelegationAction":         { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#addParticipantAction":           { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#addSignatoryAction":             { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#addTopicAction":                 { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#removeRowAction":                { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/new/actions.ts#createMeetingAction":             { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/meetings/[id]/actions.ts#createCommuniqueAction":           { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // Drafting, the library, submission and opening the signing: the secretariat only
  "app/communiques/[id]/actions.ts#saveClauseAction":              { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#confirmTranslationAction":      { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#savePartAction":                { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#insertClauseAction":            { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#deleteClauseAction":            { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#restoreClauseAction":           { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#moveClauseAction":              { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#setNumberingAction":            { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#saveRevisionAction":            { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#submitAction":                  { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#searchLibraryAction":           { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#saveToLibraryAction":           { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/actions.ts#openSigningAction":             { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/status/actions.ts#remindAction":           { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // Asking a signatory to sign again (their signature withdrawn): the secretariat only, not even the signatory
  "app/communiques/[id]/status/actions.ts#withdrawSignatureAction": { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // Review: deciding for Khabarovsk is Kravchuk's and his deputy's; every participant but the admin may comment
  "app/communiques/[id]/review/actions.ts#decideAction":           { anonymous: "deny",  admin: "deny",  secretariat: "deny",  headConcerned: "allow", otherHead: "deny",  deputy: "allow", signatory: "deny",  outsider: "deny"  },
  "app/communiques/[id]/review/actions.ts#addCommentAction":       { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "deny"  },
  // Resolving a comment thread is the secretariat's: it answers the comments with the text
  "app/communiques/[id]/actions.ts#resolveCommentAction":          { anonymous: "deny",  admin: "deny",  secretariat: "allow", headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "deny",  outsider: "deny"  },
  // Signing: one's own signature only
  "app/communiques/[id]/sign/actions.ts#signAction":               { anonymous: "deny",  admin: "deny",  secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "allow", outsider: "deny"  },
  "app/communiques/[id]/sign/actions.ts#declineAction":            { anonymous: "deny",  admin: "deny",  secretariat: "deny",  headConcerned: "deny",  otherHead: "deny",  deputy: "deny",  signatory: "allow", outsider: "deny"  },
  // A code for one's own signature: every signatory of the meeting (both heads here sign too), nobody else
  "app/communiques/[id]/sign/actions.ts#requestSigningCodeAction": { anonymous: "deny",  admin: "deny",  secretariat: "deny",  headConcerned: "allow", otherHead: "allow", deputy: "deny",  signatory: "allow", outsider: "deny"  },
  // Documents: staff and everyone who takes part in the meeting
  "app/communiques/[id]/pdf/route.ts GET":                         { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "deny"  },
  "app/communiques/[id]/revisions/[revisionId]/pdf/route.ts GET":  { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "deny"  },
  "app/communiques/[id]/signed-pdf/route.ts GET":                  { anonymous: "deny",  admin: "allow", secretariat: "allow", headConcerned: "allow", otherHead: "allow", deputy: "allow", signatory: "allow", outsider: "deny"  },
};

// ---------------------------------------------------------------------------------------
// How each endpoint is called.

// Endpoints take many shapes; each spec below calls its own with the right arguments.
type EndpointFn = (...args: any[]) => Promise<unknown>;

interface Call {
  caller: Caller;
  actor: Actor | null;
}

interface Spec<S = unknown> {
  /** Builds the state the call needs, with real ids. */
  scene: (cast: Cast) => Promise<S>;
  /**
   * The call changes its scene for good (a decision, a submission): every allowed caller
   * after the first gets a scene of its own, so that one's success does not decide another's.
   */
  fresh?: boolean;
  call: (endpoint: EndpointFn, scene: S, who: Call) => Promise<unknown>;
  /**
   * The state the call would change: a refused call must leave it as it was, an allowed call
   * that succeeds must change it (which also proves that this snapshot sees the change).
   */
  target?: (scene: S) => Promise<unknown>;
  /** What an allowed call must come to when success is not possible by design. */
  allowedEnd?: string;
  /** Sign-out succeeds by sending the browser to the sign-in page. */
  signInRedirectIsSuccess?: boolean;
  /** Extra checks on an allowed call's answer. */
  check?: (value: unknown, scene: S) => void | Promise<void>;
}

const spec = <S,>(s: Spec<S>) => s as Spec<unknown>;
const nothing = async () => ({});

/** Scenes that the calls only read are built once and shared between rows. */
function once<S>(make: (cast: Cast) => Promise<S>): (cast: Cast) => Promise<S> {
  let made: Promise<S> | undefined;
  return (cast) => (made ??= make(cast));
}
const sharedDraft = once(draftScene);
const sharedApproval = once(approvalScene);
const sharedFinalised = once(finalisedScene);

const BASE = "http://localhost:3000";
/** A route handler called as Next.js calls it: the request, and the route's params as a promise. */
const get = (endpoint: EndpointFn, path: string, params: Record<string, unknown>) =>
  endpoint(new Request(`${BASE}${path}`), { params: Promise.resolve(params) });

const clauseRow = (id: string) => db.clause.findUniqueOrThrow({ where: { id } });
const communiqueRow = (id: string) => db.communique.findUniqueOrThrow({ where: { id } });
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function expectPdf(value: unknown) {
  const response = value as Response;
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

const SPECS: Record<string, Spec> = {
  "app/actions/set-locale.ts#setLocaleAction": spec({
    scene: nothing,
    // Each caller picks the language they already have: the profile stays as the seed made it.
    call: (setLocale, _s, { actor }) => setLocale(actor?.locale ?? "ja"),
    check: () => expect(request.cookies.get(LOCALE_COOKIE)).toMatch(/^(ru|ja|en)$/),
  }),
  "app/actions/sign-out.ts#signOutAction": spec({
    scene: nothing,
    call: (signOut) => signOut(),
    signInRedirectIsSuccess: true,
  }),
  "app/sign-in/actions.ts#signInAction": spec({
    scene: nothing,
    // An unknown account: the answer must be "wrong credentials", never "forbidden".
    call: (signIn) => signIn({ error: null }, form({ email: `nobody-${randomUUID()}@matrix.example`, password: "Not-the-password-1" })),
    allowedEnd: "INVALID_CREDENTIALS",
  }),
  "app/api/auth/[...nextauth]/route.ts GET": spec({
    scene: nothing,
    call: (GET) => get(GET, "/api/auth/csrf", { nextauth: ["csrf"] }),
    check: async (value) => expect(await (value as Response).json()).toMatchObject({ csrfToken: expect.any(String) }),
  }),
  "app/api/auth/[...nextauth]/route.ts POST": spec({
    scene: nothing,
    // A browser's sign-in with a wrong password: Auth.js sends it back to the sign-in page.
    call: async (POST) => {
      const { GET } = await importEndpointModule("app/api/auth/[...nextauth]/route.ts");
      const csrf = (await get(GET as EndpointFn, "/api/auth/csrf", { nextauth: ["csrf"] })) as Response;
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const body = new URLSearchParams({ csrfToken, email: `nobody-${randomUUID()}@matrix.example`, password: "Not-the-password-1" });
      const post = new Request(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: BASE, host: "localhost:3000", "x-forwarded-for": uniqueAddress() },
        body,
      });
      return POST(post, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    },
    check: (value) => expect((value as Response).headers.get("location")).toMatch(/\/sign-in\?.*error=CredentialsSignin/),
  }),
  "app/api/health/route.ts GET": spec({
    scene: nothing,
    call: (GET) => get(GET, "/api/health", {}),
    check: (value) => expect((value as Response).status).toBe(200),
  }),
  // A made-up token: every caller gets the same answer, about the token, never about who asks.
  "app/l/[token]/actions.ts#openLinkAction": spec({
    scene: nothing,
    call: (open) => open(FAKE_TOKEN, null, form({})),
    allowedEnd: "TOKEN_INVALID",
  }),
  "app/l/[token]/actions.ts#freshLinkAction": spec({
    scene: nothing,
    call: (fresh) => fresh(FAKE_TOKEN, null, form({})),
    allowedEnd: "TOKEN_INVALID",
  }),
  "app/invitation/[token]/actions.ts#acceptInvitationAction": spec({
    scene: nothing,
    call: (accept) => accept(FAKE_TOKEN, null, form({ password: "Matrix-password-2024", confirm: "Matrix-password-2024" })),
    allowedEnd: "TOKEN_INVALID",
  }),
  "app/reset-password/[token]/actions.ts#resetPasswordAction": spec({
    scene: nothing,
    call: (reset) => reset(FAKE_TOKEN, null, form({ password: "Matrix-password-2024", confirm: "Matrix-password-2024" })),
    allowedEnd: "TOKEN_INVALID",
  }),
  "app/forgot-password/actions.ts#forgotPasswordAction": spec({
    scene: nothing,
    // An unknown address gets the same answer as a known one (each call comes from an address of its own).
    call: (forgot) => forgot(null, form({ email: `nobody-${randomUUID()}@matrix.example` })),
  }),
  "app/verify/check/route.ts POST": spec({
    scene: sharedFinalised,
    // The verify page posts the PDF itself; each caller from an address of its own (uploads are limited per address).
    call: (POST, s) =>
      POST(
        new Request(`${BASE}/verify/check`, {
          method: "POST",
          body: new Uint8Array(s.pdf),
          headers: { "content-type": "application/pdf", origin: BASE, host: "localhost:3000", "x-forwarded-for": uniqueAddress() },
        }),
      ),
    check: async (value) => expect(await (value as Response).json()).toMatchObject({ ok: true, data: { genuine: true } }),
  }),

  "app/admin/users/actions.ts#createUserAction": spec({
    scene: async () => ({ email: `authz-new-${randomUUID()}@matrix.example`, personId: (await freePerson()).id }),
    fresh: true,
    call: (create, s) => create(null, form({ email: s.email, displayName: "Matrix", role: "DELEGATE", personId: s.personId, locale: "ru" })),
    target: (s) => db.user.count({ where: { email: s.email } }),
  }),
  "app/admin/users/actions.ts#updateUserAction": spec({
    scene: spareAccount,
    fresh: true,
    call: (update, s) => update(s.id, null, form({ displayName: "Matrix renamed", role: "DELEGATE", personId: s.personId, locale: "ja", active: "on" })),
    target: (s) => db.user.findUniqueOrThrow({ where: { id: s.id }, select: { displayName: true, role: true, locale: true, active: true, passwordHash: true } }),
  }),

  "app/admin/users/actions.ts#resendInvitationAction": spec({
    scene: invitedAccount,
    fresh: true,
    call: (resend, s) => resend(s.id, null, form({})),
    target: (s) => db.accessToken.findMany({ where: { userId: s.id }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
  }),
  "app/admin/users/actions.ts#revokeInvitationAction": spec({
    scene: invitedAccount,
    fresh: true,
    call: (revoke, s) => revoke(s.id, null, form({})),
    target: (s) => db.accessToken.findMany({ where: { userId: s.id }, select: { revokedAt: true } }),
  }),
  "app/admin/users/actions.ts#signOutEverywhereAction": spec({
    scene: async () => {
      const account = await spareAccount();
      await db.$transaction((tx) => startSession(tx, { userId: account.id, method: "PASSWORD", ip: "192.0.2.1", userAgent: "matrix" }));
      return account;
    },
    fresh: true,
    call: (signOut, s) => signOut(s.id, null, form({})),
    target: (s) => db.userSession.findMany({ where: { userId: s.id }, select: { endedAt: true } }),
  }),
  // Each caller ends a session of its own made for the call.
  "app/account/actions.ts#endOwnSessionAction": spec({
    scene: nothing,
    call: async (end, _s, { actor }) => {
      const own = actor ? await db.$transaction((tx) => startSession(tx, { userId: actor.userId, method: "PASSWORD", ip: "192.0.2.2", userAgent: "matrix" })) : { id: "none" };
      return end(null, form({ sessionId: own.id }));
    },
  }),
  "app/account/actions.ts#endOtherSessionsAction": spec({
    scene: nothing,
    call: (end) => end(null, form({})),
  }),
  // A wrong current password: the answer is about the password, never about who asks (seeded passwords stay).
  "app/account/actions.ts#changePasswordAction": spec({
    scene: nothing,
    call: (change) => change(null, form({ currentPassword: "Not-the-password-1", password: "Matrix-password-2024", confirm: "Matrix-password-2024" })),
    allowedEnd: "WRONG_PASSWORD",
  }),
  "app/directory/actions.ts#saveEntryAction": spec({
    scene: async () => ({ nameRu: `Город ${randomUUID()}` }),
    fresh: true,
    call: (save, s) => save(null, form({ kind: "city", side: "RU", nameRu: s.nameRu, nameJa: `市${randomUUID()}`, nameLocativeRu: `${s.nameRu}е` })),
    target: (s) => db.city.count({ where: { nameRu: s.nameRu } }),
  }),
  "app/directory/actions.ts#requestAccountAction": spec({
    scene: async () => {
      const { id } = await freePerson();
      await db.person.update({ where: { id }, data: { email: `wanted-${randomUUID()}@matrix.example` } });
      return { id };
    },
    fresh: true,
    call: (request, s) => request(null, form({ personId: s.id })),
    target: (s) => db.auditEvent.count({ where: { subjectId: s.id, action: "person.account-requested" } }),
  }),
  "app/directory/actions.ts#setRetiredAction": spec({
    scene: freePerson,
    fresh: true,
    call: (retire, s) => retire(null, form({ kind: "person", id: s.id, retired: "true" })),
    target: (s) => db.person.findUniqueOrThrow({ where: { id: s.id }, select: { retiredAt: true } }),
  }),
  "app/library/actions.ts#saveLibraryClauseAction": spec({
    scene: async () => ({ textRu: `Стороны договорились ${randomUUID()}.` }),
    fresh: true,
    call: (save, s) => save(null, form({ textRu: s.textRu, textJa: "双方は合意した。" })),
    target: (s) => db.libraryClause.count({ where: { textRu: s.textRu } }),
  }),
  "app/library/actions.ts#setLibraryClauseRetiredAction": spec({
    scene: async () => db.libraryClause.create({ data: { textRu: `Пункт ${randomUUID()}`, textJa: "条項" }, select: { id: true } }),
    fresh: true,
    call: (retire, s) => retire(null, form({ id: s.id, retired: "true" })),
    target: (s) => db.libraryClause.findUniqueOrThrow({ where: { id: s.id }, select: { retiredAt: true } }),
  }),
  "app/meetings/[id]/actions.ts#updateMeetingAction": spec({
    scene: meetingScene,
    fresh: true,
    call: async (update, s) => {
      const m = await db.meeting.findUniqueOrThrow({ where: { id: s.meetingId } });
      const facts = {
        version: String(m.version), ordinal: m.ordinal, nameRu: m.nameRu, nameJa: m.nameJa, startDate: isoDay(m.startDate), endDate: isoDay(m.endDate),
        venueRu: "Отель «Камчатка»", venueJa: m.venueJa, hostCountryRu: m.hostCountryRu, hostCountryJa: m.hostCountryJa, nextOrdinal: m.nextOrdinal,
        nextYear: String(m.nextYear), nextCountryRu: m.nextCountryRu, nextCountryJa: m.nextCountryJa, signingDate: isoDay(m.signingDate),
        signingPlaceRu: m.signingPlaceRu, signingPlaceJa: m.signingPlaceJa,
      };
      return update(s.meetingId, null, form(facts));
    },
    target: (s) => db.meeting.findUniqueOrThrow({ where: { id: s.meetingId } }),
  }),
  "app/meetings/[id]/actions.ts#updateTitleAction": spec({
    scene: meetingScene,
    fresh: true,
    call: (update, s) => update(s.meetingId, null, form({ kind: "signatory", id: s.signatories[0]!.id, titleRu: "Председатель", titleJa: "会長" })),
    target: (s) => db.signatory.findUniqueOrThrow({ where: { id: s.signatories[0]!.id } }),
  }),
  "app/meetings/[id]/actions.ts#moveRowAction": spec({
    scene: meetingScene,
    fresh: true,
    call: (move, s) => move(s.meetingId, form({ kind: "signatory", id: s.signatories[1]!.id, direction: "up" })),
    target: (s) => db.signatory.findMany({ where: { meetingId: s.meetingId }, orderBy: { id: "asc" }, select: { id: true, position: true } }),
  }),
  "app/meetings/[id]/actions.ts#addDelegationAction": spec({
    scene: async () => {
      const scene = await meetingScene();
      const tag = randomUUID().slice(0, 8);
      const city = await db.city.create({ data: { side: "RU", nameRu: `Город ${tag}`, nameJa: `市${tag}`, nameLocativeRu: `Городе ${tag}` } });
      return { ...scene, cityId: city.id, headId: (await freePerson()).id };
    },
    fresh: true,
    call: (add, s) => add(s.meetingId, null, form({ cityId: s.cityId, headPersonId: s.headId })),
    target: (s) => db.delegation.count({ where: { meetingId: s.meetingId } }),
  }),
  "app/meetings/[id]/actions.ts#updateDelegationAction": spec({
    scene: async () => {
      const scene = await meetingScene();
      const delegation = await db.delegation.findFirstOrThrow({ where: { meetingId: scene.meetingId, side: "RU" } });
      return { ...scene, delegationId: delegation.id, headId: (await freePerson()).id };
    },
    fresh: true,
    call: (update, s) => update(s.meetingId, null, form({ id: s.delegationId, headPersonId: s.headId })),
    target: (s) => db.delegation.findUniqueOrThrow({ where: { id: s.delegationId } }),
  }),
  "app/meetings/[id]/actions.ts#removeDelegationAction": spec({
    scene: async () => {
      const scene = await meetingScene();
      return { ...scene, delegationId: (await db.delegation.findFirstOrThrow({ where: { meetingId: scene.meetingId } })).id };
    },
    fresh: true,
    call: (remove, s) => remove(s.meetingId, null, form({ id: s.delegationId })),
    target: (s) => db.delegation.count({ where: { id: s.delegationId } }),
  }),
  "app/meetings/[id]/actions.ts#addParticipantAction": spec({
    scene: async () => {
      const scene = await meetingScene();
      const delegation = await db.delegation.findFirstOrThrow({ where: { meetingId: scene.meetingId, side: "RU" } });
      return { ...scene, delegationId: delegation.id, personId: (await freePerson()).id };
    },
    fresh: true,
    call: (add, s) => add(s.meetingId, null, form({ delegationId: s.delegationId, personId: s.personId, titleRu: "Советник", titleJa: "顧問" })),
    target: (s) => db.participant.count({ where: { meetingId: s.meetingId } }),
  }),
  "app/meetings/[id]/actions.ts#addSignatoryAction": spec({
    scene: async () => ({ ...(await meetingScene()), personId: (await freePerson()).id }),
    fresh: true,
    call: (add, s) => add(s.meetingId, null, form({ personId: s.personId, titleRu: "Мэр", titleJa: "市長" })),
    target: (s) => db.signatory.count({ where: { meetingId: s.meetingId } }),
  }),
  "app/meetings/[id]/actions.ts#addTopicAction": spec({
    scene: async () => {
      const scene = await meetingScene();
      const tag = randomUUID();
      const topic = await db.agendaTopic.create({ data: { key: `matrix-${tag}`, nameRu: `тема ${tag}`, nameJa: `テーマ${tag}` } });
      return { ...scene, topicId: topic.id };
    },
    fresh: true,
    call: (add, s) => add(s.meetingId, null, form({ topicId: s.topicId, titleRu: "Спорт", titleJa: "スポーツ" })),
    target: (s) => db.meetingTopic.count({ where: { meetingId: s.meetingId } }),
  }),
  "app/meetings/[id]/actions.ts#removeRowAction": spec({
    scene: meetingScene,
    fresh: true,
    call: (remove, s) => remove(s.meetingId, null, form({ kind: "signatory", id: s.signatories.at(-1)!.id })),
    target: (s) => db.signatory.count({ where: { meetingId: s.meetingId } }),
  }),
  "app/meetings/new/actions.ts#createMeetingAction": spec({
    scene: async () => {
      const xxvii = await db.meeting.findUniqueOrThrow({ where: { number: 27 } });
      let number = 1000 + Math.floor(Math.random() * 2900);
      while (await db.meeting.findUnique({ where: { number } })) number += 1;
      return { xxvii, number };
    },
    fresh: true,
    call: (create, s) =>
      create(null, form({
        number: String(s.number), ordinal: toRoman(s.number), nameRu: s.xxvii.nameRu, nameJa: s.xxvii.nameJa, hostCityId: s.xxvii.hostCityId,
        hostCountryRu: "Россия", hostCountryJa: "ロシア", startDate: "2031-08-20", endDate: "2031-08-23", venueRu: "Хабаровск", venueJa: "ハバロフスク市",
        invitingAssociationId: s.xxvii.invitingAssociationId, guestAssociationId: s.xxvii.guestAssociationId, guestDelegationRu: s.xxvii.guestDelegationRu,
        guestDelegationJa: s.xxvii.guestDelegationJa, nextOrdinal: toRoman(s.number + 1), nextYear: "2033", nextCountryRu: "Япония", nextCountryJa: "日本",
        signingDate: "2031-08-22", signingPlaceRu: "Хабаровск", signingPlaceJa: "ハバロフスク市", fromMeetingId: s.xxvii.id,
      })),
    target: (s) => db.meeting.count({ where: { number: s.number } }),
  }),
  "app/meetings/[id]/actions.ts#createCommuniqueAction": spec({
    scene: meetingScene,
    fresh: true,
    // Success is the way to the new communiqué's page.
    call: (create, s) => create(s.meetingId),
    target: (s) => db.communique.count({ where: { meetingId: s.meetingId } }),
  }),

  "app/communiques/[id]/actions.ts#saveClauseAction": spec({
    scene: draftScene,
    fresh: true,
    call: async (save, s) => {
      const clause = await clauseRow(s.clauseIds[0]);
      return save({ clauseId: clause.id, lang: "ru", text: `${clause.textRu} Стороны подтвердили это.`, baseVersion: clause.version, translating: false });
    },
    target: (s) => clauseRow(s.clauseIds[0]),
  }),
  "app/communiques/[id]/actions.ts#confirmTranslationAction": spec({
    scene: draftScene,
    fresh: true,
    call: (confirm, s) => confirm({ clauseId: s.clauseIds[0], lang: "ja" }),
    target: (s) => clauseRow(s.clauseIds[0]),
  }),
  "app/communiques/[id]/actions.ts#savePartAction": spec({
    scene: draftScene,
    fresh: true,
    call: async (save, s) => {
      const part = await db.standardPart.findUniqueOrThrow({ where: { communiqueId_kind: { communiqueId: s.communiqueId, kind: "closing" } } });
      return save({ communiqueId: s.communiqueId, kind: "closing", lang: "ru", text: "Встреча прошла в дружественной атмосфере.", baseVersion: part.version });
    },
    target: (s) => db.standardPart.findUniqueOrThrow({ where: { communiqueId_kind: { communiqueId: s.communiqueId, kind: "closing" } } }),
  }),
  "app/communiques/[id]/actions.ts#insertClauseAction": spec({
    scene: draftScene,
    fresh: true,
    call: (insert, s) => insert({ communiqueId: s.communiqueId, position: 0 }),
    target: (s) => db.clause.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),
  "app/communiques/[id]/actions.ts#deleteClauseAction": spec({
    scene: draftScene,
    fresh: true,
    call: (remove, s) => remove(s.communiqueId, s.clauseIds[0]),
    target: (s) => db.clause.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),
  "app/communiques/[id]/actions.ts#restoreClauseAction": spec({
    scene: draftWithDeletedClause,
    fresh: true,
    call: (restore, s) => restore(s.communiqueId, s.deletedClauseId),
    target: (s) => db.clause.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),
  "app/communiques/[id]/actions.ts#moveClauseAction": spec({
    scene: draftScene,
    fresh: true,
    call: (move, s) => move(s.communiqueId, s.clauseIds[0], 2),
    target: (s) => db.clause.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),
  "app/communiques/[id]/actions.ts#setNumberingAction": spec({
    scene: draftScene,
    fresh: true,
    call: (setNumbering, s) => setNumbering(s.communiqueId, true),
    target: (s) => communiqueRow(s.communiqueId),
  }),
  "app/communiques/[id]/actions.ts#saveRevisionAction": spec({
    scene: draftScene,
    fresh: true,
    call: (save, s) => save(s.communiqueId),
    target: (s) => db.revision.count({ where: { communiqueId: s.communiqueId } }),
  }),
  "app/communiques/[id]/actions.ts#submitAction": spec({
    scene: draftScene,
    fresh: true,
    call: (submit, s) => submit(s.communiqueId),
    target: async (s) => ({ communique: await communiqueRow(s.communiqueId), rounds: await db.approvalRound.count({ where: { communiqueId: s.communiqueId } }) }),
  }),
  "app/communiques/[id]/actions.ts#searchLibraryAction": spec({
    scene: nothing,
    call: (search) => search({ q: "" }),
    check: (value) => expect((value as { data: unknown[] }).data.length).toBeGreaterThan(0),
  }),
  "app/communiques/[id]/actions.ts#saveToLibraryAction": spec({
    scene: draftScene,
    fresh: true,
    call: (save, s) => save({ clauseId: s.clauseIds[0] }),
    target: () => db.libraryClause.count(),
  }),
  "app/communiques/[id]/actions.ts#openSigningAction": spec({
    scene: approvedScene,
    fresh: true,
    call: (open, s) => open(s.communiqueId),
    target: (s) => communiqueRow(s.communiqueId),
  }),
  "app/communiques/[id]/status/actions.ts#remindAction": spec({
    scene: approvalScene,
    fresh: true,
    call: (remind, s) => remind(s.communiqueId),
    target: (s) => db.approvalRound.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),

  "app/communiques/[id]/status/actions.ts#withdrawSignatureAction": spec({
    // Kalita (the signatory caller) has signed; the secretariat asks him to sign again.
    scene: async (cast) => {
      const scene = await signingScene(cast);
      await signAs(cast.callers.signatory!, scene.communiqueId, { signatoryId: scene.signatoryId, hash: scene.hash });
      return scene;
    },
    fresh: true,
    call: (withdraw, s) => withdraw(s.communiqueId, null, form({ signatoryId: s.signatoryId, reason: "Подпись нужно поставить заново." })),
    target: (s) => db.signature.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),

  "app/communiques/[id]/review/actions.ts#decideAction": spec({
    scene: approvalScene,
    // The approval closes the Khabarovsk-only round: the deputy decides on a round of her own.
    fresh: true,
    call: (decide, s) => decide({ communiqueId: s.communiqueId, revisionHash: s.hash, decision: "APPROVED" }),
    target: async (s) => ({ communique: await communiqueRow(s.communiqueId), approvals: await db.approval.count({ where: { revisionId: s.revisionId } }) }),
  }),
  "app/communiques/[id]/review/actions.ts#addCommentAction": spec({
    scene: sharedApproval,
    call: (add, s, { caller }) => add({ communiqueId: s.communiqueId, revisionId: s.revisionId, blockId: s.blockId, lang: "ru", body: `Замечание (${caller}).` }),
    target: (s) => db.comment.count({ where: { communiqueId: s.communiqueId } }),
  }),

  "app/communiques/[id]/actions.ts#resolveCommentAction": spec({
    scene: async (cast) => {
      const scene = await sharedApproval(cast);
      const { id } = await addComment(cast.as[KRAVCHUK]!, { communiqueId: scene.communiqueId, revisionId: scene.revisionId, blockId: scene.blockId, lang: "ru", body: "Уточните дату." });
      return { ...scene, commentId: id };
    },
    fresh: true,
    call: (resolve, s) => resolve({ communiqueId: s.communiqueId, commentId: s.commentId, resolved: true }),
    target: (s) => db.comment.findUniqueOrThrow({ where: { id: s.commentId }, select: { resolvedAt: true } }),
  }),

  "app/communiques/[id]/sign/actions.ts#signAction": spec({
    scene: signingScene,
    fresh: true,
    call: (sign, s) => sign(s.communiqueId, null, form({ signatoryId: s.signatoryId, revisionHash: s.hash, password: PASSWORD, method: "TYPED", typedName: "Калита В. С." })),
    target: (s) => db.signature.findMany({ where: { communiqueId: s.communiqueId }, orderBy: { id: "asc" } }),
  }),
  "app/communiques/[id]/sign/actions.ts#requestSigningCodeAction": spec({
    scene: signingScene,
    fresh: true,
    call: (request, s) => request(s.communiqueId),
    target: (s) => db.accessToken.count({ where: { kind: "SIGNING_CODE", communiqueId: s.communiqueId } }),
  }),
  "app/communiques/[id]/sign/actions.ts#declineAction": spec({
    scene: signingScene,
    fresh: true,
    call: (decline, s) => decline(s.communiqueId, null, form({ signatoryId: s.signatoryId, reason: "Прошу уточнить пункт 2." })),
    target: async (s) => ({ communique: await communiqueRow(s.communiqueId), declines: await db.signatureDecline.count({ where: { communiqueId: s.communiqueId } }) }),
  }),

  "app/communiques/[id]/pdf/route.ts GET": spec({
    scene: sharedDraft,
    call: (GET, s) => get(GET, `/communiques/${s.communiqueId}/pdf`, { id: s.communiqueId }),
    check: expectPdf,
  }),
  "app/communiques/[id]/revisions/[revisionId]/pdf/route.ts GET": spec({
    scene: sharedApproval,
    call: (GET, s) => get(GET, `/communiques/${s.communiqueId}/revisions/${s.revisionId}/pdf`, { id: s.communiqueId, revisionId: s.revisionId }),
    check: expectPdf,
  }),
  "app/communiques/[id]/signed-pdf/route.ts GET": spec({
    scene: sharedFinalised,
    call: (GET, s) => get(GET, `/communiques/${s.communiqueId}/signed-pdf`, { id: s.communiqueId }),
    // The stored, sealed bytes (compared by hash: a deep equality of megabytes is slow).
    check: async (value, s) => expect(sha256(new Uint8Array(await (value as Response).arrayBuffer()))).toBe(sha256(s.pdf)),
  }),
};

// ---------------------------------------------------------------------------------------

let cast: Cast;
const uniqueAddress = () => `198.51.100.${randomUUID()}`;
/** A delegate account invited but without a password yet, with its pending invitation. */
async function invitedAccount() {
  const account = await spareAccount();
  await db.user.update({ where: { id: account.id }, data: { passwordHash: null } });
  await db.$transaction((tx) => issueLinkToken(tx, { kind: "INVITATION", userId: account.id }));
  return account;
}

/** Well formed, but no row has it. */
const FAKE_TOKEN = `${"c".repeat(25)}.${"x".repeat(43)}`;

beforeAll(async () => {
  cast = await loadCast();
  // Auth.js logs every refused sign-in as an error (a line, then its stack); the sign-in rows
  // ask for exactly that. Anything else is still shown.
  const error = console.error.bind(console);
  let stackOfRefusedSignIn = false;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const first = String(args[0]);
    const refusal = /\[auth\]\[error\].* CredentialsSignin/.test(first);
    const stack = stackOfRefusedSignIn && /^\s*at /.test(first);
    stackOfRefusedSignIn = refusal;
    if (!refusal && !stack) error(...args);
  });
});

afterAll(() => {
  vi.mocked(console.error).mockRestore();
});

async function endpointFunction(name: string): Promise<EndpointFn> {
  const [file, exportName] = name.includes("#") ? name.split("#") : name.split(" ");
  const fn = (await importEndpointModule(file!))[exportName!];
  if (typeof fn !== "function") throw new Error(`${name} is not a function`);
  return fn as EndpointFn;
}

/** Calls an endpoint as `caller`, in a request of its own. */
async function callAs<S>(endpoint: EndpointFn, s: Spec<S>, scene: S, caller: Caller) {
  const actor = cast.callers[caller];
  request.actor = actor;
  // A client address of its own per call: sign-in failures are counted per address.
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": uniqueAddress(), "user-agent": "authz-matrix" });
  request.cookies = new Map();
  request.results = [];
  let result: { value: unknown } | { error: unknown };
  try {
    result = { value: await s.call(endpoint, scene, { caller, actor }) };
  } catch (error) {
    result = { error };
  }
  return { result, outcome: classify(result, request.results, { signInRedirectIsSuccess: s.signInRedirectIsSuccess }) };
}

describe("discovery", () => {
  const actions = discoverServerActions();
  const routes = discoverRouteHandlers();
  const rowsOf = (kind: "action" | "route") => Object.keys(EXPECTED).filter((name) => name.includes("#") === (kind === "action")).sort();

  it("finds the server actions and route handlers the app has today", () => {
    // A floor, so that a discovery that finds nothing cannot pass.
    expect(new Set(actions.map((a) => a.file)).size).toBeGreaterThanOrEqual(10);
    expect(routes.length).toBeGreaterThanOrEqual(6);
  });

  it("every server action has a row, and every action row a server action", () => {
    expect(actions.map((a) => a.name).sort()).toEqual(rowsOf("action"));
  });

  it("every route handler has a row, and every route row a route handler", () => {
    expect(routes.map((r) => r.name).sort()).toEqual(rowsOf("route"));
  });

  it("every row says how to call its endpoint", () => {
    expect(Object.keys(SPECS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("every discovered endpoint is a function its module really exports, and a server action module exports nothing else", async () => {
    const byFile = new Map<string, Endpoint[]>();
    for (const e of [...actions, ...routes]) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, endpoints] of byFile) {
      const module = await importEndpointModule(file);
      for (const e of endpoints) expect(typeof module[e.exportName], e.name).toBe("function");
      const exported = Object.keys(module).filter((k) => k !== "__esModule");
      if (file.endsWith("route.ts")) {
        expect(exported.filter((k) => (HTTP_METHODS as readonly string[]).includes(k)).sort(), file).toEqual(endpoints.map((e) => e.exportName).sort());
      } else {
        expect(exported.sort(), file).toEqual(endpoints.map((e) => e.exportName).sort());
      }
    }
  });

  it("finds no server action declared inside a function (it would be an endpoint without a row)", () => {
    expect(findInlineServerActions()).toEqual([]);
  });

  it("reads directives and exports the way Next.js does", () => {
    expect(isServerActionFile('"use server";\nexport async function a() {}')).toBe(true);
    expect(isServerActionFile("// a comment\n'use server'\nexport async function a() {}")).toBe(true);
    expect(isServerActionFile('import x from "y";\n"use server";')).toBe(false);
    expect(isServerActionFile('"use client";\nexport function A() {}')).toBe(false);
    expect(exportedNames("export async function a() {}\nexport const b = async () => {};\nexport { c, d as e } from './x';\nexport type { T } from './t';\nexport type S = {};\nexport const { GET, POST } = h;", "x.ts")).toEqual(["GET", "POST", "a", "b", "c", "e"]);
    expect(() => exportedNames("export * from './x';", "x.ts")).toThrow(/export \*/);
  });
});

describe("authorization matrix", () => {
  it("has a verdict for every kind of caller in every row", () => {
    for (const [name, row] of Object.entries(EXPECTED)) expect(Object.keys(row).sort(), name).toEqual([...CALLERS].sort());
  });

  it.each(Object.keys(EXPECTED))("%s", async (name) => {
    const expected = EXPECTED[name]!;
    const s = SPECS[name]!;
    const endpoint = await endpointFunction(name);
    // Refused callers first: they must leave the scene as they found it for the others.
    const order = [...CALLERS].sort((a, b) => Number(expected[a] === "allow") - Number(expected[b] === "allow"));
    let shared: { scene: unknown } | undefined;
    let sharedTaken = false;
    const actual = {} as Row;
    const details: Record<string, string> = {};
    const problems: string[] = [];

    for (const caller of order) {
      const allowed = expected[caller] === "allow";
      let scene: unknown;
      if (allowed && s.fresh && sharedTaken) scene = await s.scene(cast);
      else {
        shared ??= { scene: await s.scene(cast) };
        scene = shared.scene;
        if (allowed) sharedTaken = true;
      }
      const eventsBefore = await db.auditEvent.count();
      const targetBefore = s.target ? await s.target(scene) : undefined;
      const { result, outcome } = await callAs(endpoint, s, scene, caller);
      const eventsAfter = await db.auditEvent.count();
      const targetAfter = s.target ? await s.target(scene) : undefined;

      actual[caller] = outcome.refused ? "deny" : "allow";
      details[caller] = outcome.detail;
      if (outcome.refused) {
        // Who is not signed in is told to sign in; who is signed in is told no.
        const want = caller === "anonymous" ? /UNAUTHENTICATED|redirect \/sign-in/ : /FORBIDDEN/;
        if (!want.test(outcome.detail)) problems.push(`${caller}: refused with ${outcome.detail}`);
        if (eventsAfter !== eventsBefore) problems.push(`${caller}: refused, but ${eventsAfter - eventsBefore} audit event(s) were written`);
        if (!isDeepStrictEqual(targetBefore, targetAfter)) problems.push(`${caller}: refused, but the target changed`);
      } else if (allowed) {
        if (s.allowedEnd) {
          if (outcome.detail !== s.allowedEnd) problems.push(`${caller}: expected ${s.allowedEnd}, got ${outcome.detail}`);
        } else if (!outcome.succeeded) {
          problems.push(`${caller}: allowed, but the call failed with ${outcome.detail}`);
        } else {
          if (s.target && isDeepStrictEqual(targetBefore, targetAfter)) problems.push(`${caller}: succeeded, but the target did not change`);
          if (s.check && "value" in result) await s.check(result.value, scene);
        }
      }
    }

    expect(actual, `outcomes: ${JSON.stringify(details)}`).toEqual(expected);
    expect(problems).toEqual([]);
  });
});
