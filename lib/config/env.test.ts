import { afterEach, describe, expect, it, vi } from "vitest";
import { config, ConfigError, type Config, type Env } from ".";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The message config() refuses `env` with; fails the test if it accepts it or throws anything else. */
function refusal(env: Env): string {
  try {
    config(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as ConfigError;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe("config: defaults", () => {
  it("runs with nothing set, on the embedded database, without mail or a configured seal", () => {
    expect(config({})).toEqual({
      databaseUrl: null,
      dataDir: "data",
      bcryptCost: 11,
      insecureCookies: false,
      appUrl: null,
      smtpUrl: null,
      mailFrom: "Communiqué <no-reply@communique.example>",
      reminderIntervalHours: 12,
      autoRemindAfterDays: null,
      jobsIntervalMs: 60_000,
      dbPoolSize: 10,
      dbQueryLog: null,
      seal: null,
      production: false,
      development: false,
    } satisfies Config);
  });

  it("takes a blank value (an empty line in .env.local) as unset", () => {
    const blank = { DATABASE_URL: " ", DATA_DIR: "", BCRYPT_COST: "", INSECURE_COOKIES: "", APP_URL: "  ", SMTP_URL: "", MAIL_FROM: " " };
    const more = { REMINDER_INTERVAL_HOURS: " ", AUTO_REMIND_AFTER_DAYS: "", JOBS_INTERVAL_MS: "", DB_POOL_SIZE: "", DB_QUERY_LOG: "", SEAL_P12_PATH: " " };
    expect(config({ ...blank, ...more })).toEqual(config({}));
  });
});

// [variable, field, lowest and highest accepted, a refused value below, default]
const NUMBERS = [
  ["BCRYPT_COST", "bcryptCost", 4, 15, "3", 11],
  ["REMINDER_INTERVAL_HOURS", "reminderIntervalHours", 1, 720, "0", 12],
  ["AUTO_REMIND_AFTER_DAYS", "autoRemindAfterDays", 1, 365, "-1", null],
  ["JOBS_INTERVAL_MS", "jobsIntervalMs", 1_000, 86_400_000, "999", 60_000],
  ["DB_POOL_SIZE", "dbPoolSize", 1, 1_000, "0", 10],
] as const;

// What the message says the range is: AUTO_REMIND_AFTER_DAYS also takes 0, for off.
const LOWEST_IN_MESSAGE: Record<string, number> = { AUTO_REMIND_AFTER_DAYS: 0 };

describe.each(NUMBERS)("config: %s", (name, field, lowest, highest, below, fallback) => {
  const range = `from ${LOWEST_IN_MESSAGE[name] ?? lowest} to ${highest}`;

  it("is a whole number within its bounds, by default the documented one", () => {
    expect(config({})[field]).toBe(fallback);
    expect(config({ [name]: String(lowest) })[field]).toBe(lowest);
    expect(config({ [name]: ` ${highest} ` })[field]).toBe(highest);
  });

  it("refuses a typo, naming the variable and quoting the value, instead of turning it into NaN", () => {
    for (const typo of ["1l", "12h", "1.5", "1e3", "0x10", "+5", "ten", "NaN", "1 2"]) {
      expect(refusal({ [name]: typo })).toBe(`${name} must be a whole number ${range}, not ${JSON.stringify(typo)}`);
    }
  });

  it("refuses a value out of bounds", () => {
    expect(refusal({ [name]: below })).toBe(`${name} must be a whole number ${range}, not "${below}"`);
    expect(refusal({ [name]: String(highest + 1) })).toBe(`${name} must be a whole number ${range}, not "${highest + 1}"`);
  });
});

describe("config: AUTO_REMIND_AFTER_DAYS", () => {
  it("is off when unset or 0, as it always was", () => {
    expect(config({ AUTO_REMIND_AFTER_DAYS: "0" }).autoRemindAfterDays).toBeNull();
    expect(config({ AUTO_REMIND_AFTER_DAYS: "3" }).autoRemindAfterDays).toBe(3);
  });
});

describe("config: INSECURE_COOKIES", () => {
  it("is on with 1 or true, off with 0, false or nothing", () => {
    for (const on of ["1", "true", "TRUE", " 1 "]) expect(config({ INSECURE_COOKIES: on }).insecureCookies).toBe(true);
    for (const off of ["0", "false", "False", ""]) expect(config({ INSECURE_COOKIES: off }).insecureCookies).toBe(false);
  });

  it("refuses anything else rather than read it as off", () => {
    expect(refusal({ INSECURE_COOKIES: "yes" })).toBe('INSECURE_COOKIES must be 1 (on) or 0 (off), not "yes"');
    expect(refusal({ INSECURE_COOKIES: "on" })).toBe('INSECURE_COOKIES must be 1 (on) or 0 (off), not "on"');
  });
});

describe("config: addresses", () => {
  it("APP_URL is an http(s) address, kept with its base path and without trailing slashes", () => {
    expect(config({ APP_URL: "https://communique.example/" }).appUrl).toBe("https://communique.example");
    expect(config({ APP_URL: " http://host.example:8080/app// " }).appUrl).toBe("http://host.example:8080/app");
    for (const wrong of ["communique.example", "ftp://communique.example", "https://", "https://exa mple.org", "https://[::1"]) {
      expect(refusal({ APP_URL: wrong })).toBe(`APP_URL must be an http:// or https:// address, not ${JSON.stringify(wrong)}`);
    }
  });

  it("DATABASE_URL is a PostgreSQL URL, refused without repeating its password", () => {
    expect(config({ DATABASE_URL: "postgresql://app:pw@db:5432/communique" }).databaseUrl).toBe("postgresql://app:pw@db:5432/communique");
    expect(config({ DATABASE_URL: "postgres://db/communique" }).databaseUrl).toBe("postgres://db/communique");
    expect(refusal({ DATABASE_URL: "mysql://app:hunter2@db/communique" })).toBe("DATABASE_URL must be a postgres:// or postgresql:// URL");
  });

  it("SMTP_URL is an smtp:// or smtps:// URL, refused without repeating its password", () => {
    expect(config({ SMTP_URL: "smtps://user:pw@mail.example:465" }).smtpUrl).toBe("smtps://user:pw@mail.example:465");
    expect(refusal({ SMTP_URL: "mail.example:587" })).toBe("SMTP_URL must be an smtp:// or smtps:// URL");
    expect(refusal({ SMTP_URL: "https://user:hunter2@mail.example" })).not.toContain("hunter2");
  });

  it("MAIL_FROM names an address", () => {
    expect(config({ MAIL_FROM: "Секретариат <secretariat@city.example>" }).mailFrom).toBe("Секретариат <secretariat@city.example>");
    expect(config({ MAIL_FROM: "secretariat@city.example" }).mailFrom).toBe("secretariat@city.example");
    expect(refusal({ MAIL_FROM: "Secretariat" })).toMatch(/^MAIL_FROM must name a sender address, .*not "Secretariat"$/);
  });
});

describe("config: DB_QUERY_LOG", () => {
  it("is count, print or off", () => {
    expect(config({ DB_QUERY_LOG: "count" }).dbQueryLog).toBe("count");
    expect(config({ DB_QUERY_LOG: "print" }).dbQueryLog).toBe("print");
    expect(refusal({ DB_QUERY_LOG: "counts" })).toBe('DB_QUERY_LOG must be "count" or "print", not "counts"');
  });
});

describe("config: the seal certificate", () => {
  it("comes from a file or base64 (line breaks dropped), with a passphrase that may be empty but not unset", () => {
    expect(config({ SEAL_P12_PATH: " certs/seal.p12 ", SEAL_P12_PASSPHRASE: " pw " }).seal).toEqual({ kind: "path", path: "certs/seal.p12", passphrase: " pw " });
    expect(config({ SEAL_P12_BASE64: "AAEC\nAwQ=", SEAL_P12_PASSPHRASE: "" }).seal).toEqual({ kind: "base64", base64: "AAECAwQ=", passphrase: "" });
    expect(config({ SEAL_P12_PASSPHRASE: "pw" }).seal).toBeNull();
  });

  it("refuses two sources, a missing passphrase, and base64 that is not, without repeating it", () => {
    expect(refusal({ SEAL_P12_PATH: "certs/seal.p12", SEAL_P12_BASE64: "AAEC", SEAL_P12_PASSPHRASE: "" })).toBe("Set SEAL_P12_PATH or SEAL_P12_BASE64, not both");
    expect(refusal({ SEAL_P12_PATH: "certs/seal.p12" })).toBe("SEAL_P12_PASSPHRASE is not set (set it empty for a file without a passphrase)");
    expect(refusal({ SEAL_P12_BASE64: "secret stuff!", SEAL_P12_PASSPHRASE: "" })).toBe("SEAL_P12_BASE64 is not base64 (a PKCS#12 file encoded with base64)");
  });
});

describe("config: NODE_ENV", () => {
  it("tells production and development apart from anything else", () => {
    expect(config({ NODE_ENV: "production" })).toMatchObject({ production: true, development: false });
    expect(config({ NODE_ENV: "development" })).toMatchObject({ production: false, development: true });
    expect(config({ NODE_ENV: "test" })).toMatchObject({ production: false, development: false });
  });
});

describe("config: errors", () => {
  it("names every wrong variable on one line", () => {
    expect(refusal({ BCRYPT_COST: "1l", DB_POOL_SIZE: "ten\n", APP_URL: "localhost" })).toBe(
      'BCRYPT_COST must be a whole number from 4 to 15, not "1l"; APP_URL must be an http:// or https:// address, not "localhost"; ' +
        'DB_POOL_SIZE must be a whole number from 1 to 1000, not "ten\\n"',
    );
  });
});

describe("config(): the process's environment", () => {
  it("follows variables changed after the first read, and refuses each time while one is wrong", () => {
    vi.stubEnv("BCRYPT_COST", "7");
    expect(config().bcryptCost).toBe(7);
    vi.stubEnv("BCRYPT_COST", "8");
    expect(config().bcryptCost).toBe(8);
    vi.stubEnv("BCRYPT_COST", "8x");
    expect(() => config()).toThrow('BCRYPT_COST must be a whole number from 4 to 15, not "8x"');
    expect(() => config()).toThrow(ConfigError);
    vi.stubEnv("BCRYPT_COST", undefined);
    expect(config().bcryptCost).toBe(11);
  });

  it("reads a variable set directly on process.env too", () => {
    const saved = process.env.AUTO_REMIND_AFTER_DAYS;
    try {
      process.env.AUTO_REMIND_AFTER_DAYS = "5";
      expect(config().autoRemindAfterDays).toBe(5);
    } finally {
      if (saved === undefined) delete process.env.AUTO_REMIND_AFTER_DAYS;
      else process.env.AUTO_REMIND_AFTER_DAYS = saved;
    }
  });
});
