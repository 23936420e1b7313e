import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,app,components,prisma,scripts,bench}/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    // Each file gets its own in-memory embedded database unless DATABASE_URL names PostgreSQL.
    env: { DATA_DIR: process.env.DATABASE_URL ? "" : "memory://", BCRYPT_COST: "4" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // On PostgreSQL the files share one database and run one after another; on the embedded
    // database each file has its own, and files run side by side.
    fileParallelism: !process.env.DATABASE_URL,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // let Vite resolve it (tests that reach Auth.js route handlers and server actions need it).
    server: { deps: { inline: ["next-auth"] } },
  },
});
