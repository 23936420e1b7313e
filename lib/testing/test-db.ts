import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { closeDb, db } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";

/** Migrated and seeded database for an integration test file; closed after it. */
export function useTestDatabase() {
  let startedAt: Date;
  beforeAll(async () => {
    await prepareDatabase({ seed: true });
    startedAt = new Date();
  });
  afterAll(async () => {
    // On PostgreSQL every file shares one database: a staff account a file made would be
    // told of every later file's communiqués, so it leaves with the file that made it.
    await db.user.updateMany({ where: { createdAt: { gte: startedAt }, role: { not: "DELEGATE" } }, data: { active: false } });
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
