import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The Content-Security-Policy is set per request in proxy.ts: its script nonce is new each time.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build (benchmarks, scale-out runs) can live beside the usual one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Type errors fail `npm test` (tsc --noEmit) instead of every start.
  typescript: { ignoreBuildErrors: true },
  // Native and WebAssembly-backed packages load their files at run time: keep them unbundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@cantoo/pdf-lib",
    "@cantoo/fontkit",
    "linebreak",
    "hyphen",
    "bcryptjs",
    "nodemailer",
    "node-forge",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
