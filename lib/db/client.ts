import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { config } from "@/lib/config";
import { dbTarget, pgliteDataDir, type DbTarget } from "./config";
import { PrismaClient } from "./generated/client";

/**
 * Opt-in query counting, for benchmarks and tests that check how many statements a page
 * costs: DB_QUERY_LOG=count counts every SQL statement the client sends (read it with
 * `queryCount()`); DB_QUERY_LOG=print also writes one line per statement to stdout, with the
 * running count, so a process outside can count a server's statements. Off by default:
 * Prisma only builds query events when a client asks for them.
 */
const QUERY_EVENTS: [{ emit: "event"; level: "query" }] = [{ emit: "event", level: "query" }];

/**
 * The one Prisma client of the process. Password hashes are omitted from every query
 * unless a query asks for them (only sign-in and password checks do).
 */
function createClient(target: DbTarget) {
  const omit = { user: { passwordHash: true } } as const;
  const { dbQueryLog: queryLog, dbPoolSize } = config();
  // Typed as "query events" either way, so that `Db` is one type; off, nothing subscribes.
  const log = queryLog ? QUERY_EVENTS : [];
  let created;
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: dbPoolSize });
    created = { prisma: new PrismaClient({ adapter, omit, log }), pglite: null, queryLog };
  } else {
    const pglite = new PGlite(pgliteDataDir(target));
    created = { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite), omit, log }), pglite, queryLog };
  }
  if (queryLog) {
    // Driver adapters emit query events too (one per statement sent, COMMIT included).
    created.prisma.$on("query", (event) => {
      queries.count += 1;
      if (queryLog === "print") console.log(`db query #${queries.count} ${event.duration.toFixed(1)}ms ${event.query.replace(/\s+/g, " ").slice(0, 200)}`);
    });
  }
  return created;
}

export type Db = ReturnType<typeof createClient>["prisma"];
/** A transaction client, as handed to `db.$transaction(async (tx) => …)`; `db` itself fits too. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type State = ReturnType<typeof createClient> & { closing?: Promise<void> };
// On globalThis: the bundler may load this module more than once in one server process.
const holder = globalThis as typeof globalThis & { __communiqueDb?: State; __communiqueQueries?: { count: number } };
const queries = (holder.__communiqueQueries ??= { count: 0 });

/**
 * How many SQL statements this process has sent since it started (across clients), when
 * DB_QUERY_LOG is set. Throws otherwise: a count that silently stays at zero would let a
 * "no more queries than before" check pass for the wrong reason.
 */
export function queryCount(): number {
  if (!state().queryLog) throw new Error("Query counting is off: set DB_QUERY_LOG=count before the database is first used");
  return queries.count;
}

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
