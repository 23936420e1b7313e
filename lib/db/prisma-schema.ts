import { readFileSync } from "node:fs";
import path from "node:path";

/** Just enough of schema.prisma to compare it with a database: models, scalar fields, enums, keys. */
export interface SchemaModel {
  name: string;
  fields: { name: string; type: string; optional: boolean; nativeDate: boolean }[];
  uniques: string[][];
  relations: { fields: string[]; references: string }[];
}

export interface ParsedSchema {
  models: SchemaModel[];
  enums: Map<string, string[]>;
}

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Bytes", "Float", "Decimal"]);

export function parsePrismaSchema(source = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8")): ParsedSchema {
  const enums = new Map<string, string[]>();
  for (const [, name, body] of source.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    enums.set(name!, body!.split("\n").map((l) => l.trim()).filter((l) => /^\w+$/.test(l)));
  }
  const modelNames = new Set([...source.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!));
  const models: SchemaModel[] = [];
  for (const [, name, body] of source.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
    const model: SchemaModel = { name: name!, fields: [], uniques: [], relations: [] };
    for (const raw of body!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const block = /^@@(unique|id)\(\[([^\]]+)\]/.exec(line);
      if (block) {
        model.uniques.push(block[2]!.split(",").map((s) => s.trim()));
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, modifier, attributes] = field as unknown as [string, string, string, string | undefined, string];
      if (modifier === "[]") continue;
      if (modelNames.has(type)) {
        const rel = /fields: \[([^\]]+)\], references: \[(\w+)\]/.exec(attributes);
        if (rel) model.relations.push({ fields: rel[1]!.split(",").map((s) => s.trim()), references: type });
        continue;
      }
      if (!SCALARS.has(type) && !enums.has(type)) throw new Error(`Unknown type ${type} in ${name}.${fieldName}`);
      model.fields.push({ name: fieldName, type, optional: modifier === "?", nativeDate: attributes.includes("@db.Date") });
      if (/(^|\s)@(id|unique)\b/.test(attributes)) model.uniques.push([fieldName]);
    }
    models.push(model);
  }
  return { models, enums };
}
