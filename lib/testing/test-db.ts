import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { closeDb, db } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";

/** Migrated and seeded database for an integration test file; closed after it. */
export function useTestDatabase() {
  beforeAll(async () => {
    await prepareDatabase({ seed: true });
  });
  afterAll(async () => {
    await closeDb();
  });
}

/** The actor of a seeded account, as a use case receives it. */
export async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    personId: user.personId,
  };
}

export const SECRETARIAT = "secretariat@communique.example";
export const ADMIN = "admin@communique.example";
