import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain Node module of the scripts, without types.
import { clientAddress, proxyRuleFromEnv } from "./client-address.mjs";

type Forwarded = string | string[] | undefined;
const withEnv = (env: Record<string, string>) => {
  const rule = proxyRuleFromEnv(env);
  return (connection: string | undefined, forwardedFor?: Forwarded): string | null => clientAddress(rule, connection, forwardedFor);
};

const refusal = (env: Record<string, string>): string => {
  try {
    proxyRuleFromEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
};

describe("with no proxy configured", () => {
  const client = withEnv({});

  it("takes the connection's address and ignores X-Forwarded-For entirely", () => {
    expect(client("198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
    expect(client("198.51.100.7", ["203.0.113.1", "10.0.0.1"])).toBe("198.51.100.7");
    expect(client("2001:db8::7", undefined)).toBe("2001:db8::7");
  });

  it("treats empty settings as unset", () => {
    expect(withEnv({ TRUSTED_PROXIES: " ", TRUSTED_PROXY_HOPS: "" })("198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
  });

  it("writes an address one way: IPv4 inside IPv6 as IPv4, IPv6 compressed in lower case, without a zone", () => {
    expect(client("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(client("0:0:0:0:0:FFFF:C633:6407")).toBe("198.51.100.7");
    expect(client("2001:DB8:0:0:0:0:0:7")).toBe("2001:db8::7");
    expect(client("fe80::1%eth0")).toBe("fe80::1");
  });

  it("has no answer for a connection without an address", () => {
    expect(client(undefined, "203.0.113.1")).toBeNull();
    expect(client("", "203.0.113.1")).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  const client = withEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.5 , 2001:db8:ffff::/48," });

  it("takes the entry the nearest trusted proxy added, not one the client wrote itself", () => {
    expect(client("10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
    expect(client("10.0.0.2", "1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(client("10.0.0.2", "1.2.3.4, 203.0.113.9, 192.168.1.5, 10.9.9.9")).toBe("203.0.113.9");
    // Several X-Forwarded-For lines read as one list, in order.
    expect(client("10.0.0.2", ["1.2.3.4, 203.0.113.9", "10.9.9.9"])).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    expect(client("198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
    expect(client("192.168.1.6", "203.0.113.9")).toBe("192.168.1.6");
  });

  it("takes the connection's address when a trusted proxy passed no X-Forwarded-For", () => {
    expect(client("10.0.0.2", undefined)).toBe("10.0.0.2");
    expect(client("10.0.0.2", "  ")).toBe("10.0.0.2");
  });

  it("takes the leftmost entry when every hop is a trusted proxy", () => {
    expect(client("10.0.0.2", "10.0.0.7, 10.0.0.5")).toBe("10.0.0.7");
  });

  it("matches IPv6 ranges and writes IPv6 entries one way", () => {
    expect(client("2001:db8:ffff::1", "2001:DB8:0:0::42")).toBe("2001:db8::42");
    expect(client("2001:db8:fffe::1", "2001:db8::42")).toBe("2001:db8:fffe::1");
  });

  it("reads entries some proxies write with a port", () => {
    expect(client("10.0.0.2", "203.0.113.9:51234")).toBe("203.0.113.9");
    expect(client("10.0.0.2", "[2001:db8::7]:443")).toBe("2001:db8::7");
    expect(client("10.0.0.2", "[2001:db8::7]")).toBe("2001:db8::7");
  });

  it("stops at an entry that is no address, at the proxy that passed it on", () => {
    expect(client("10.0.0.2", "203.0.113.9, unknown, 10.0.0.5")).toBe("10.0.0.5");
    expect(client("10.0.0.2", "203.0.113.9, , 10.0.0.5")).toBe("10.0.0.5");
    expect(client("10.0.0.2", "_hidden")).toBe("10.0.0.2");
    expect(client("10.0.0.2", "203.0.113.9:http")).toBe("10.0.0.2");
    expect(client("10.0.0.2", "[10.0.0.9]:80")).toBe("10.0.0.2");
    // Garbage further left than the client does not matter.
    expect(client("10.0.0.2", "junk, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("trusts an IPv4 proxy whatever way the connection or the setting writes it", () => {
    expect(client("::ffff:10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
    expect(withEnv({ TRUSTED_PROXIES: "::ffff:172.16.0.1" })("172.16.0.1", "203.0.113.9")).toBe("203.0.113.9");
    const mappedRange = withEnv({ TRUSTED_PROXIES: "::ffff:172.16.0.0/108" });
    expect(mappedRange("::ffff:172.31.255.254", "203.0.113.9")).toBe("203.0.113.9");
    expect(mappedRange("172.32.0.1", "203.0.113.9")).toBe("172.32.0.1");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  const chain = "1.2.3.4, 203.0.113.9, 10.0.0.5";

  it("takes the N-th address from the right of X-Forwarded-For and the connection", () => {
    expect(withEnv({ TRUSTED_PROXY_HOPS: "0" })("10.0.0.2", chain)).toBe("10.0.0.2");
    expect(withEnv({ TRUSTED_PROXY_HOPS: "1" })("10.0.0.2", chain)).toBe("10.0.0.5");
    expect(withEnv({ TRUSTED_PROXY_HOPS: "2" })("10.0.0.2", chain)).toBe("203.0.113.9");
    expect(withEnv({ TRUSTED_PROXY_HOPS: "3" })("10.0.0.2", chain)).toBe("1.2.3.4");
  });

  it("takes the leftmost address when the chain is shorter", () => {
    expect(withEnv({ TRUSTED_PROXY_HOPS: "9" })("10.0.0.2", chain)).toBe("1.2.3.4");
    expect(withEnv({ TRUSTED_PROXY_HOPS: "1" })("198.51.100.7", undefined)).toBe("198.51.100.7");
  });

  it("stops at an entry that is no address, at the nearest address to its right", () => {
    expect(withEnv({ TRUSTED_PROXY_HOPS: "2" })("10.0.0.2", "1.2.3.4, unknown")).toBe("10.0.0.2");
    expect(withEnv({ TRUSTED_PROXY_HOPS: "3" })("10.0.0.2", "1.2.3.4, unknown, 10.0.0.5")).toBe("10.0.0.5");
  });
});

describe("invalid settings", () => {
  it("refuse with one line naming the setting and the value", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ TRUSTED_PROXIES: "10.0.0.300" }, /^TRUSTED_PROXIES: "10\.0\.0\.300" is not/],
      [{ TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" }, /"proxy\.internal"/],
      [{ TRUSTED_PROXIES: "10.0.0.0/33" }, /"10\.0\.0\.0\/33"/],
      [{ TRUSTED_PROXIES: "2001:db8::/129" }, /"2001:db8::\/129"/],
      [{ TRUSTED_PROXIES: "::ffff:10.0.0.0/95" }, /"::ffff:10\.0\.0\.0\/95"/],
      [{ TRUSTED_PROXIES: "10.0.0.0/" }, /"10\.0\.0\.0\/"/],
      [{ TRUSTED_PROXIES: "10.0.0.0/8/8" }, /"10\.0\.0\.0\/8\/8"/],
      [{ TRUSTED_PROXIES: "10.0.0.1:80" }, /"10\.0\.0\.1:80"/],
      [{ TRUSTED_PROXIES: "010.0.0.1" }, /"010\.0\.0\.1"/],
      [{ TRUSTED_PROXY_HOPS: "-1" }, /^TRUSTED_PROXY_HOPS must be a whole number .*"-1"/],
      [{ TRUSTED_PROXY_HOPS: "1.5" }, /"1\.5"/],
      [{ TRUSTED_PROXY_HOPS: "two" }, /"two"/],
      [{ TRUSTED_PROXY_HOPS: "1e2" }, /"1e2"/],
      [{ TRUSTED_PROXY_HOPS: "1000" }, /"1000"/],
      [{ TRUSTED_PROXIES: "10.0.0.1", TRUSTED_PROXY_HOPS: "1" }, /^Set TRUSTED_PROXIES or TRUSTED_PROXY_HOPS, not both$/],
    ];
    for (const [env, message] of cases) {
      const line = refusal(env);
      expect(line, JSON.stringify(env)).toMatch(message);
      expect(line.split("\n")).toHaveLength(1);
    }
  });
});
