// Who the client is, from the connection's address and the X-Forwarded-For chain. Anyone can
// send that header, so an entry is believed only when a proxy the operator named (or counted)
// added it: TRUSTED_PROXIES lists the proxies in front of the app, TRUSTED_PROXY_HOPS says how
// many there are; with neither, the header is ignored and the connection's address is the client.
import { BlockList, isIP } from "node:net";

/**
 * @typedef {{ kind: "connection" }
 *   | { kind: "proxies", proxies: BlockList }
 *   | { kind: "hops", hops: number }} ProxyRule
 * @typedef {{ address: string, family: "ipv4" | "ipv6" }} Address
 */

/**
 * The rule the environment sets. Throws an Error with a one-line message when a value is invalid.
 * @param {Record<string, string | undefined>} env
 * @returns {ProxyRule}
 */
export function proxyRuleFromEnv(env) {
  const proxies = env.TRUSTED_PROXIES?.trim() ?? "";
  const hops = env.TRUSTED_PROXY_HOPS?.trim() ?? "";
  if (proxies && hops) throw new Error("Set TRUSTED_PROXIES or TRUSTED_PROXY_HOPS, not both");
  if (hops) {
    if (!/^\d{1,3}$/.test(hops)) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number of proxies (0 to 999), not "${hops}"`);
    return { kind: "hops", hops: Number(hops) };
  }
  if (!proxies) return { kind: "connection" };
  const list = new BlockList();
  for (const entry of proxies.split(",").map((e) => e.trim()).filter(Boolean)) {
    const range = parseRange(entry);
    if (!range) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a range such as 10.0.0.0/8 or 2001:db8::/32`);
    list.addSubnet(range.address, range.prefix, range.family);
  }
  return { kind: "proxies", proxies: list };
}

/**
 * The client's address: walking left from the connection's address through X-Forwarded-For,
 * each trusted proxy (or each counted hop) hands over to the entry it added. An entry that is no
 * address stops the walk at the proxy that passed it on. Null when the connection has no
 * address (it has closed).
 * @param {ProxyRule} rule
 * @param {string | undefined} connectionAddress the socket's remoteAddress
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header as it came
 * @returns {string | null}
 */
export function clientAddress(rule, connectionAddress, forwardedFor) {
  let client = connectionAddress === undefined ? null : parseAddress(connectionAddress);
  if (!client) return null;
  const chain = forwardedEntries(forwardedFor);
  for (let hops = 0; chain.length > 0 && trusted(rule, client, hops); hops += 1) {
    const previous = forwardedAddress(chain.pop() ?? "");
    if (!previous) break;
    client = previous;
  }
  return client.address;
}

/**
 * @param {ProxyRule} rule
 * @param {Address} hop
 * @param {number} hops how many hops the walk has taken
 */
function trusted(rule, hop, hops) {
  if (rule.kind === "hops") return hops < rule.hops;
  if (rule.kind === "proxies") return rule.proxies.check(hop.address, hop.family);
  return false;
}

/** @param {string | string[] | undefined} header */
function forwardedEntries(header) {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  return text.trim() === "" ? [] : text.split(",").map((entry) => entry.trim());
}

/**
 * An entry of X-Forwarded-For: an address, which some proxies write with a port
 * (203.0.113.7:51234, [2001:db8::7]:443).
 * @param {string} entry
 * @returns {Address | null}
 */
function forwardedAddress(entry) {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(entry)?.[1];
  if (bracketed !== undefined) return isIP(bracketed) === 6 ? parseAddress(bracketed) : null;
  return parseAddress(/^([\d.]+):\d{1,5}$/.exec(entry)?.[1] ?? entry);
}

/**
 * An address in one spelling, so that limits and records keyed by it cannot be dodged by
 * writing it differently: IPv6 compressed and in lower case, without a zone (%eth0); an IPv4
 * address inside IPv6 (::ffff:10.0.0.1, as a dual-stack socket reports it) as plain IPv4.
 * @param {string} text
 * @returns {Address | null}
 */
function parseAddress(text) {
  const family = isIP(text);
  if (family === 4) return { address: text, family: "ipv4" };
  if (family !== 6) return null;
  const canonical = new URL(`http://[${text.replace(/%.*$/, "")}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return { address: canonical, family: "ipv6" };
  const [high, low] = [parseInt(mapped[1] ?? "", 16), parseInt(mapped[2] ?? "", 16)];
  return { address: [high >> 8, high & 255, low >> 8, low & 255].join("."), family: "ipv4" };
}

/**
 * An entry of TRUSTED_PROXIES: an address or a CIDR range. A range of IPv4-mapped IPv6
 * addresses (::ffff:10.0.0.0/104) becomes the IPv4 range it covers (10.0.0.0/8).
 * @param {string} entry
 * @returns {(Address & { prefix: number }) | null}
 */
function parseRange(entry) {
  const [text, prefixText, ...rest] = entry.split("/");
  if (rest.length > 0 || text === undefined) return null;
  const address = parseAddress(text);
  if (!address) return null;
  const mapped = address.family === "ipv4" && isIP(text) === 6;
  const bits = mapped || address.family === "ipv6" ? 128 : 32;
  if (prefixText === undefined) return { ...address, prefix: address.family === "ipv4" ? 32 : 128 };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;
  if (!mapped) return { ...address, prefix: Number(prefixText) };
  // Shorter than 96 bits, the range would reach beyond the mapped addresses.
  return Number(prefixText) >= 96 ? { ...address, prefix: Number(prefixText) - 96 } : null;
}
