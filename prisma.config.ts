import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` (and `prisma migrate deploy` where its engine
// exists). At run time the app applies the same migrations itself: see lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
