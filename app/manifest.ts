import type { MetadataRoute } from "next";

/**
 * The web manifest: a mayor can keep the app on a phone's home screen. The name is the
 * product's in the three interface languages, since one manifest serves every reader.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Коммюнике · 共同コミュニケ · Communiqué",
    short_name: "Коммюнике",
    description: "Двуязычные коммюнике встреч мэров · 市長会議の共同コミュニケ · Bilingual communiqués of mayors' meetings",
    start_url: "/",
    display: "standalone",
    background_color: "#f4f5f7",
    theme_color: "#1f4e8c",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
