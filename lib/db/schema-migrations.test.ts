import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/test-db";
import { parsePrismaSchema } from "./prisma-schema";

// The migrations are hand-kept SQL; this test fails when they and schema.prisma disagree
// on a table, a column, its type or nullability, an enum, a unique key or a foreign key.
useTestDatabase();

const schema = parsePrismaSchema();

const PG_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

type Column = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string };

describe("migrations match schema.prisma", () => {
  it("has exactly the tables of the models", async () => {
    const rows = await db.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const tables = rows.map((r) => r.table_name).filter((t) => t !== "_prisma_migrations");
    expect(tables.sort()).toEqual(schema.models.map((m) => m.name).sort());
  });

  it("has every column with its type and nullability, and no other", async () => {
    const columns = await db.$queryRawUnsafe<Column[]>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    for (const model of schema.models) {
      const actual = columns
        .filter((c) => c.table_name === model.name)
        .map((c) => ({ name: c.column_name, type: c.data_type === "USER-DEFINED" ? c.udt_name : c.data_type, optional: c.is_nullable === "YES" }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const expected = model.fields
        .map((f) => ({
          name: f.name,
          type: schema.enums.has(f.type) ? f.type : f.nativeDate ? "date" : PG_TYPES[f.type],
          optional: f.optional,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect({ model: model.name, columns: actual }).toEqual({ model: model.name, columns: expected });
    }
  });

  it("has the enums with their values in order", async () => {
    const rows = await db.$queryRawUnsafe<{ typname: string; labels: string[] }[]>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(schema.enums));
  });

  it("has a unique index for every @id, @unique and @@unique", async () => {
    const rows = await db.$queryRawUnsafe<{ table_name: string; columns: string[] }[]>(
      `SELECT c.relname::text AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE i.indisunique GROUP BY i.indexrelid, c.relname`,
    );
    const actual = new Set(rows.map((r) => `${r.table_name}(${r.columns.join(",")})`));
    const expected = schema.models.flatMap((m) => m.uniques.map((u) => `${m.name}(${u.join(",")})`));
    for (const key of expected) expect(actual, key).toContain(key);
    const migrationsOnly = [...actual].filter((k) => !k.startsWith("_prisma_migrations") && !expected.includes(k));
    expect(migrationsOnly).toEqual([]);
  });

  it("has a foreign key for every relation", async () => {
    const rows = await db.$queryRawUnsafe<{ table_name: string; column_name: string; foreign_table: string }[]>(
      `SELECT tc.table_name, kcu.column_name, ccu.table_name AS foreign_table
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`,
    );
    const actual = rows.map((r) => `${r.table_name}.${r.column_name}->${r.foreign_table}`).sort();
    const expected = schema.models
      .flatMap((m) => m.relations.map((r) => `${m.name}.${r.fields[0]}->${r.references}`))
      .sort();
    expect(actual).toEqual(expected);
  });
});
