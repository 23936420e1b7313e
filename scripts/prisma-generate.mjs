// Generates the Prisma client. `prisma generate` also wants the native schema engine,
// which it downloads when missing; where it cannot (no network), a stub engine is enough
// because the client itself runs on driver adapters and needs no native engine.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
const bundled = ["node_modules/@prisma/engines"].some((dir) =>
  existsSync(`${dir}/schema-engine-debian-openssl-3.0.x`),
);
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !bundled) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.platform === "win32" ? "cmd.exe" : "/bin/false";
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
