import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { resetPassword } from "./reset-password";
import type { SessionContext, SignedIn } from "./session-context";
import { endSession, startSession } from "./sessions";
import { useSignInLink } from "./use-sign-in-link";
import { verifyCredentials } from "./verify-credentials";
import { acceptInvitation } from "@/lib/users/accept-invitation";

/** The cookie's idle lifetime; the session row also has an absolute end (lib/auth/sessions). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Carries the domain error code through Auth.js to the sign-in form. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function contextOf(request: Request): SessionContext {
  return { ip: clientAddress(request.headers), userAgent: request.headers.get("user-agent") ?? "" };
}

/** Runs a sign-in use case and hands its result to Auth.js; a domain refusal keeps its code. */
async function authorizeWith(run: () => Promise<SignedIn>) {
  try {
    const { userId, sessionId } = await run();
    return { id: userId, sid: sessionId };
  } catch (error) {
    if (isAppError(error)) {
      const minutes = error.params.minutes;
      throw new SignInRefused(minutes ? `${error.code}:${minutes}` : error.code);
    }
    throw error;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 15 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      authorize: (input, request) =>
        authorizeWith(async () => {
          const context = contextOf(request);
          const { userId } = await verifyCredentials(input, context.ip);
          const session = await db.$transaction((tx) => startSession(tx, { userId, method: "PASSWORD", ...context }));
          return { userId, sessionId: session.id };
        }),
    }),
    // The secrets mailed to people: a personal sign-in link, an invitation, a password reset.
    // Each is used up once, in the same transaction that opens the session it grants.
    Credentials({
      id: "email-token",
      credentials: { purpose: {}, token: {}, password: {}, confirm: {} },
      authorize: (input, request) =>
        authorizeWith(async () => {
          const context = contextOf(request);
          const fields = { password: input.password, confirm: input.confirm };
          if (input.purpose === "invitation") return acceptInvitation(input.token, fields, context);
          if (input.purpose === "reset") return resetPassword(input.token, fields, context);
          return useSignInLink(input.token, context);
        }),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends the session row: the old cookie, replayed, no longer signs anyone in.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await db.$transaction((tx) => endSession(tx, { id: sid }));
    },
  },
});
