import { resetPostgresForTests } from "./reset-postgres";

/** Vitest global setup: a clean PostgreSQL schema per run (PGlite tests use a fresh in-memory database per file). */
export default async function setup() {
  await resetPostgresForTests();
}
