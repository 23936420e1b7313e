import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

/**
 * A deterministic ink scribble as a PNG with transparency, standing in for a drawn
 * signature. The transparent pixels are black with alpha 0, so a renderer that drops
 * the alpha channel shows a black box.
 */
export function scribblePng(seed = 1, width = 360, height = 120, colorType: 4 | 6 = 6): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(0);
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= width || py >= height) continue;
      const i = (py * width + px) * 4;
      png.data[i] = 20; png.data[i + 1] = 40; png.data[i + 2] = 120; png.data[i + 3] = 255;
    }
  };
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 20 + t * (width - 40);
    const y = height / 2 + Math.sin(t * (18 + seed * 3)) * height * 0.28 * Math.cos(t * 5 + seed) + Math.sin(t * 61) * 6;
    ink(x, y);
  }
  return new Uint8Array(PNG.sync.write(png, { colorType }));
}

/** JPEG fixtures: a scanned pen signature (420 × 140) and a round seal (240 × 240), both on white. */
export function fixtureJpeg(name: "signature-scan" | "seal"): Uint8Array {
  return new Uint8Array(readFileSync(join(process.cwd(), "lib/pdf/fixtures", `${name}.jpg`)));
}
