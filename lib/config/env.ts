import { schema, VARIABLES, type Config } from "./schema";

/** Environment variables by name, as in `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A setting the app cannot run with. The message is one line naming each variable at fault. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

// The values last read and what they gave. The proxy reads the configuration on every request,
// and tests change variables between calls: parsing again only when a value changed serves both.
let last: { values: (string | undefined)[]; result: Readonly<Config> | string } | null = null;

/**
 * The app's configuration, validated: from the process's environment, or from `env` where a
 * caller (a test) passes its own. Throws ConfigError when a variable is wrong.
 */
export function config(env: Env = process.env): Readonly<Config> {
  const values = VARIABLES.map((name) => env[name]);
  if (!last || values.some((value, i) => value !== last!.values[i])) last = { values, result: parse(values) };
  // A new error each time, so that its stack shows the caller that met it.
  if (typeof last.result === "string") throw new ConfigError(last.result);
  return last.result;
}

function parse(values: (string | undefined)[]): Readonly<Config> | string {
  const parsed = schema.safeParse(Object.fromEntries(VARIABLES.map((name, i) => [name, values[i]])));
  if (parsed.success) return Object.freeze(parsed.data);
  return parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")} ${issue.message}` : issue.message)).join("; ");
}
