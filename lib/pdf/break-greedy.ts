import type { Break } from "./break-knuth-plass";
import { INFINITY, type Item } from "./items";

/**
 * First-fit breaking for ragged and centred text (titles, table cells, signature
 * blocks), where even spacing is not at stake. Words are hyphenated only when a
 * word would otherwise not fit at all.
 */
export function breakGreedy(items: Item[], lineWidth: number): Break[] {
  const breaks: Break[] = [];
  let start = 0;
  while (start < items.length) {
    let width = 0;
    let fit = -1;
    let hyphenFit = -1;
    let fitWidth = 0;
    let chosen = -1;
    let seenBox = false;
    for (let i = start; i < items.length; i++) {
      const item = items[i]!;
      const candidate =
        (item.type === "penalty" && item.penalty < INFINITY) ||
        (item.type === "glue" && i > 0 && items[i - 1]!.type === "box");
      if (candidate && seenBox) {
        const w = width + (item.type === "penalty" ? item.width : 0);
        if (item.type === "penalty" && item.penalty <= -INFINITY) {
          chosen = w <= lineWidth + 1e-6 ? i : fit >= 0 ? fit : hyphenFit >= 0 ? hyphenFit : i;
          break;
        }
        if (w > lineWidth + 1e-6) {
          // Hyphenate only when the last whole word would leave the line badly short.
          const preferHyphen = hyphenFit > fit && (fit < 0 || fitWidth < lineWidth * 0.75);
          chosen = preferHyphen ? hyphenFit : fit >= 0 ? fit : i;
          break;
        }
        if (item.type === "penalty" && item.flagged && item.text) hyphenFit = i;
        else { fit = i; fitWidth = w; }
      }
      if (item.type === "box") { width += item.width; seenBox = true; }
      if (item.type === "glue" && seenBox && item.stretch !== Infinity) width += item.width;
    }
    if (chosen < 0) break;
    breaks.push({ position: chosen, ratio: 0 });
    start = chosen + 1;
  }
  return breaks;
}
