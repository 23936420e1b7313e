/** What a person recognises their session by: the browser and the system, e.g. Firefox on Windows. */
export interface Device {
  browser: string | null;
  os: string | null;
}

// Order matters: Edge, Opera, Yandex and Samsung also say "Chrome" and "Safari", Chrome says
// "Safari", so the more particular names are tried first.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bYaBrowser\//, "Yandex Browser"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

// iPads and iPhones also say "like Mac OS X"; Android says "Linux".
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (table: [RegExp, string][], userAgent: string) => table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;

/**
 * A short description of a User-Agent header for the list of one's sessions. A rough guess is
 * enough here (it only helps the owner tell their own devices apart); the full header is kept.
 */
export function describeUserAgent(userAgent: string): Device {
  return { browser: firstMatch(BROWSERS, userAgent), os: firstMatch(SYSTEMS, userAgent) };
}
