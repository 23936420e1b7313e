import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { verifyCredentials } from "./verify-credentials";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Carries the domain error code through Auth.js to the sign-in form. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 15 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input, request) {
        try {
          const { userId } = await verifyCredentials(input, clientAddress(request.headers));
          return { id: userId };
        } catch (error) {
          if (isAppError(error)) {
            const minutes = error.params.minutes;
            throw new SignInRefused(minutes ? `${error.code}:${minutes}` : error.code);
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
