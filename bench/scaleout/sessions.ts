/**
 * a. Sessions and sign-in limits are not kept in an instance's memory: a session cookie from
 * one instance is honoured by the other, and failed sign-ins on one count on the other.
 */
import { MAX_FAILURES_PER_PAIR } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { PASSWORD } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { getPage, signInHttp } from "./auth-http";
import { check, type Check } from "./report";
import type { Instance } from "./servers";

/** An account of the run's own for the lockout, so that no demo account ends up locked. */
export const LOCKOUT_ACCOUNT = "lockout@scaleout.example";

const userName = (html: string) => /class="user-name"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
const toSignIn = (page: { status: number; location: string | null }) =>
  page.status >= 300 && page.status < 400 && new URL(page.location ?? "", "http://x").pathname === "/sign-in";

/** Changes one character in the middle of the cookie's value: the signature no longer matches. */
function tamper(cookie: string): string {
  const at = cookie.indexOf("=") + Math.floor((cookie.length - cookie.indexOf("=")) / 2);
  return cookie.slice(0, at) + (cookie[at] === "A" ? "B" : "A") + cookie.slice(at + 1);
}

export async function sessionChecks(a: Instance, b: Instance): Promise<Check[]> {
  const { displayName } = await db.user.findUniqueOrThrow({ where: { email: SECRETARIAT } });
  const fromA = await signInHttp(a.url, SECRETARIAT, PASSWORD);
  if (!fromA.session) return [check(`sign-in on A issues a session cookie`, false, `redirected to ${fromA.location}`)];
  const onB = await getPage(`${b.url}/`, fromA.session);
  const anonymous = await getPage(`${b.url}/`);
  const forged = await getPage(`${b.url}/`, tamper(fromA.session));
  const fromB = await signInHttp(b.url, SECRETARIAT, PASSWORD);
  const onA = fromB.session ? await getPage(`${a.url}/`, fromB.session) : null;
  return [
    check(`a session made on A works on B: 200 with the user's name`, onB.status === 200 && userName(onB.html) === displayName, `${onB.status}, name "${userName(onB.html)}"`),
    check(`without the cookie B redirects to /sign-in`, toSignIn(anonymous), `${anonymous.status} → ${anonymous.location}`),
    check(`with the cookie altered B redirects to /sign-in`, toSignIn(forged), `${forged.status} → ${forged.location}`),
    check(`and the other way: a session made on B works on A`, onA?.status === 200 && userName(onA.html) === displayName, onA ? `${onA.status}, name "${userName(onA.html)}"` : `no session: ${fromB.location}`),
    ...(await sharedLimitChecks(a, b)),
  ];
}

/**
 * The limit of one account from one address split across the instances: neither sees enough
 * failures on its own, so only counts kept in the database block the right password
 * afterwards, on both.
 */
async function sharedLimitChecks(a: Instance, b: Instance): Promise<Check[]> {
  const email = LOCKOUT_ACCOUNT;
  const first = await signInHttp(a.url, email, PASSWORD);
  const onA = Math.ceil(MAX_FAILURES_PER_PAIR / 2);
  const onB = MAX_FAILURES_PER_PAIR - onA;
  const codes: (string | null)[] = [];
  for (let i = 0; i < onA; i++) codes.push((await signInHttp(a.url, email, "wrong password")).code);
  for (let i = 0; i < onB; i++) codes.push((await signInHttp(b.url, email, "wrong password")).code);
  const afterOnB = await signInHttp(b.url, email, PASSWORD);
  const afterOnA = await signInHttp(a.url, email, PASSWORD);
  const blocked = (o: { session: string | null; code: string | null }) => o.session === null && (o.code ?? "").startsWith("RATE_LIMITED");
  return [
    check(`the lockout account signs in before any failure`, first.session !== null, first.location),
    check(
      `${onA} wrong passwords on A and ${onB} on B are each refused`,
      codes.every((c) => c === "INVALID_CREDENTIALS"),
      codes.join(", "),
    ),
    check(
      `the failure limit (${MAX_FAILURES_PER_PAIR}) is shared: the right password is then refused on B and on A`,
      blocked(afterOnB) && blocked(afterOnA),
      `B: ${afterOnB.code ?? "signed in"}, A: ${afterOnA.code ?? "signed in"}`,
    ),
  ];
}
