import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { config, ConfigError, READ_ELSEWHERE, SET_BY_RUNTIME, VARIABLES, type Variable } from ".";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The text under a heading, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = markdown.split("\n").indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" section`);
  const rest = markdown.split("\n").slice(start + 1);
  const end = rest.findIndex((line) => new RegExp(`^#{1,${level}} `).test(line));
  return rest.slice(0, end < 0 ? undefined : end).join("\n");
}

type Row = { names: string[]; fallback: string; meaning: string };

/** The rows of the first table in `text`, with every backticked name in the first column. */
function tableRows(text: string): Row[] {
  const lines = text.split("\n").filter((line) => line.startsWith("|"));
  return lines.slice(2).map((line) => {
    const [name = "", fallback = "", meaning = ""] = line.split("|").slice(1, -1).map((cell) => cell.trim());
    return { names: [...name.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!), fallback, meaning };
  });
}

const rows = tableRows(section(readme, "## Configuration"));
const tableNames = rows.flatMap((row) => row.names);
// Documented in a section of their own, as a list.
const proxySection = section(readme, "### Behind a proxy or load balancer");
const proxyNames = [...proxySection.matchAll(/^- `([A-Z][A-Z0-9_]*)`:/gm)].map((m) => m[1]!);

describe("README's configuration table", () => {
  it("is read whole, rows naming several variables included", () => {
    const sample = "| Variable | Default | Meaning |\n|---|---|---|\n| `A_B` or `C`, `D_2` | unset | x; 1–2 |\n| `E` | `5` | y |";
    expect(tableRows(sample)).toEqual([
      { names: ["A_B", "C", "D_2"], fallback: "unset", meaning: "x; 1–2" },
      { names: ["E"], fallback: "`5`", meaning: "y" },
    ]);
    expect(tableNames).toContain("SEAL_P12_PASSPHRASE");
    expect(proxyNames).toEqual(["TRUSTED_PROXIES", "TRUSTED_PROXY_HOPS"]);
  });

  it("documents every variable the configuration reads or knows to be read elsewhere, and no other", () => {
    const documented = [...tableNames, ...proxyNames].sort();
    const known = [...VARIABLES.filter((name) => !SET_BY_RUNTIME.includes(name)), ...READ_ELSEWHERE].sort();
    expect(documented).toEqual(known);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it("gives the defaults the configuration applies", () => {
    const c = config({});
    const applied: Partial<Record<Variable, string | number>> = {
      DATA_DIR: c.dataDir,
      BCRYPT_COST: c.bcryptCost,
      MAIL_FROM: c.mailFrom,
      REMINDER_INTERVAL_HOURS: c.reminderIntervalHours,
      JOBS_INTERVAL_MS: c.jobsIntervalMs,
      DB_POOL_SIZE: c.dbPoolSize,
    };
    for (const [name, value] of Object.entries(applied)) {
      const row = rows.find((r) => r.names.includes(name));
      expect(row?.fallback.replace(/^`(\.\/)?|`$/g, ""), name).toBe(String(value));
    }
  });

  it("gives the bounds the configuration enforces", () => {
    const ranged = rows.filter((row) => /\d–\d/.test(row.meaning));
    expect(ranged.map((row) => row.names[0])).toEqual(["BCRYPT_COST", "REMINDER_INTERVAL_HOURS", "AUTO_REMIND_AFTER_DAYS", "JOBS_INTERVAL_MS", "DB_POOL_SIZE"]);
    for (const { names, meaning } of ranged) {
      const name = names[0]!;
      const [low, high] = /(\d+)–(\d+)/.exec(meaning)!.slice(1).map(Number) as [number, number];
      expect(() => config({ [name]: String(low) }), name).not.toThrow();
      expect(() => config({ [name]: String(high) }), name).not.toThrow();
      for (const outside of [low - 1, high + 1]) {
        expect(() => config({ [name]: String(outside) }), `${name}=${outside}`).toThrow(ConfigError);
        expect(() => config({ [name]: String(outside) }), `${name}=${outside}`).toThrow(new RegExp(`^${name} must be`));
      }
    }
  });
});
