import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { dbTarget, pgliteDataDir, type DbTarget } from "./config";
import { PrismaClient } from "./generated/client";

/**
 * The one Prisma client of the process. Password hashes are omitted from every query
 * unless a query asks for them (only sign-in and password checks do).
 */
function createClient(target: DbTarget) {
  const omit = { user: { passwordHash: true } } as const;
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
    return { prisma: new PrismaClient({ adapter, omit }), pglite: null };
  }
  const pglite = new PGlite(pgliteDataDir(target));
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite), omit }), pglite };
}

export type Db = ReturnType<typeof createClient>["prisma"];
/** A transaction client, as handed to `db.$transaction(async (tx) => …)`; `db` itself fits too. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type State = ReturnType<typeof createClient> & { closing?: Promise<void> };
const holder = globalThis as typeof globalThis & { __communiqueDb?: State };

function state(): State {
  if (!holder.__communiqueDb) {
    holder.__communiqueDb = createClient(dbTarget());
    registerShutdown();
  }
  return holder.__communiqueDb;
}

export const db: Db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(state().prisma, prop, state().prisma),
});

/** The embedded database of this process, when it runs on PGlite (for raw SQL such as migrations). */
export function embeddedDatabase(): PGlite | null {
  return state().pglite;
}

/** Closes the client and, on PGlite, the data folder: an unclosed folder can hang the next start. */
export async function closeDb(): Promise<void> {
  const current = holder.__communiqueDb;
  if (!current) return;
  current.closing ??= (async () => {
    await current.prisma.$disconnect();
    if (current.pglite && !current.pglite.closed) await current.pglite.close();
  })();
  await current.closing;
  holder.__communiqueDb = undefined;
}

let shutdownRegistered = false;
function registerShutdown() {
  if (shutdownRegistered || typeof process === "undefined" || !process.on) return;
  shutdownRegistered = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void closeDb().finally(() => process.exit(0));
    });
  }
}
