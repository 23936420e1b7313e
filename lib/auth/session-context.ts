/** Where a sign-in comes from: kept on the session, shown to its owner in their list of sessions. */
export interface SessionContext {
  ip: string;
  userAgent: string;
}

/** What a successful sign-in hands to Auth.js: the user and the session row the cookie names. */
export interface SignedIn {
  userId: string;
  sessionId: string;
}
