import { INFINITY, type Item } from "./items";

/**
 * Total-fit line breaking (Knuth & Plass, "Breaking Paragraphs into Lines", 1981).
 * Feasible lines keep word spaces within [natural − shrink, natural + maxStretch]
 * plus at most `letterStretch` per glyph; badness uses the softer `stretch` so that
 * tight, even spacing wins. Hyphenated lines in a row are capped, not just penalised.
 */
export interface BreakOptions {
  lineWidth: number;
  /** Extra width per glyph letter spacing may add, in points. */
  letterStretch: number;
  maxConsecutiveHyphens: number;
  linePenalty?: number;
  flaggedDemerits?: number;
  fitnessDemerits?: number;
  /** Allow infeasible lines (loose or overfull) when nothing else works. */
  emergency?: boolean;
}

export interface Break {
  /** Index of the item the line ends at (glue, penalty, or the final penalty). */
  position: number;
  ratio: number;
}

interface Node {
  position: number;
  fitness: number;
  hyphens: number;
  totalWidth: number;
  totalStretch: number;
  totalMaxStretch: number;
  totalShrink: number;
  totalGlyphs: number;
  totalGlues: number;
  demerits: number;
  ratio: number;
  previous: Node | null;
}

export function breakLines(items: Item[], options: BreakOptions): Break[] {
  // In a narrow column a run of long words can leave no solution within the hyphen
  // cap; one more hyphenated line is a smaller evil than a word space over 1 em.
  const relaxed = { ...options, maxConsecutiveHyphens: options.maxConsecutiveHyphens + 1 };
  return run(items, options, false) ?? run(items, relaxed, false) ?? run(items, relaxed, true) ?? [];
}

function run(items: Item[], o: BreakOptions, emergency: boolean): Break[] | null {
  const linePenalty = o.linePenalty ?? 10;
  const flaggedDemerits = o.flaggedDemerits ?? 3000;
  const fitnessDemerits = o.fitnessDemerits ?? 100;
  const sum = { width: 0, stretch: 0, maxStretch: 0, shrink: 0, glyphs: 0, glues: 0 };
  let active: Node[] = [
    { position: 0, fitness: 1, hyphens: 0, totalWidth: 0, totalStretch: 0, totalMaxStretch: 0, totalShrink: 0,
      totalGlyphs: 0, totalGlues: 0, demerits: 0, ratio: 0, previous: null },
  ];

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const legal =
      (item.type === "penalty" && item.penalty < INFINITY) ||
      (item.type === "glue" && i > 0 && items[i - 1]!.type === "box");
    if (legal) active = consider(i);
    if (item.type === "box") { sum.width += item.width; sum.glyphs += item.glyphs; }
    if (item.type === "glue") {
      sum.width += item.width; sum.stretch += item.stretch; sum.maxStretch += item.maxStretch; sum.shrink += item.shrink;
      sum.glues++;
    }
    if (active.length === 0) return null;
  }
  let best: Node | null = null;
  for (const node of active) if (node.position === items.length - 1 && (!best || node.demerits < best.demerits)) best = node;
  if (!best) return null;
  const breaks: Break[] = [];
  for (let n: Node | null = best; n && n.previous; n = n.previous) breaks.unshift({ position: n.position, ratio: n.ratio });
  return breaks;

  function consider(i: number): Node[] {
    const item = items[i]!;
    const isPenalty = item.type === "penalty";
    const flagged = isPenalty && item.flagged;
    const penaltyValue = isPenalty ? item.penalty : 0;
    const forced = isPenalty && penaltyValue <= -INFINITY;
    const keep: Node[] = [];
    // Best candidate per class: fitness (4) × hyphenated lines in a row (up to 4).
    const best: (Node | undefined)[] = [];
    for (const a of active) {
      const width = sum.width - a.totalWidth + (isPenalty ? item.width : 0);
      const shortfall = o.lineWidth - width;
      // Letter spacing only opens the gaps inside words.
      const glyphs = Math.max(0, sum.glyphs - a.totalGlyphs - (sum.glues - a.totalGlues) - 1);
      let ratio: number;
      let feasible: boolean;
      if (shortfall >= 0) {
        const stretch = sum.stretch - a.totalStretch;
        const hard = sum.maxStretch - a.totalMaxStretch + glyphs * o.letterStretch;
        ratio = stretch === Infinity ? 0 : stretch > 0 ? shortfall / stretch : shortfall > 0.01 ? INFINITY : 0;
        feasible = shortfall <= hard + 1e-6 || stretch === Infinity;
      } else {
        const shrink = sum.shrink - a.totalShrink;
        ratio = shrink > 0 ? shortfall / shrink : -INFINITY;
        feasible = ratio >= -1;
      }
      // A node that can no longer end a line by shrinking is retired.
      if (ratio >= -1 && !forced) keep.push(a);
      const hyphens = flagged ? a.hyphens + 1 : 0;
      if (hyphens > o.maxConsecutiveHyphens) continue;
      if (!feasible && !emergency) continue;
      // Infeasible lines (emergency pass only) cost more the further they miss.
      const badness = feasible ? Math.min(100 * Math.abs(ratio) ** 3, 5000) : 5e4 * (1 + Math.abs(shortfall) / o.lineWidth) ** 2 * (ratio < -1 ? 20 : 1);
      let demerits = (linePenalty + badness) ** 2;
      if (penaltyValue >= 0) demerits += penaltyValue ** 2;
      else if (penaltyValue > -INFINITY) demerits -= penaltyValue ** 2;
      if (flagged && a.hyphens > 0) demerits += flaggedDemerits;
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
      if (Math.abs(fitness - a.fitness) > 1) demerits += fitnessDemerits;
      const slot = fitness * 5 + Math.min(hyphens, 4);
      const total = a.demerits + demerits;
      const prev = best[slot];
      if (!prev || total < prev.demerits) {
        best[slot] = { position: i, fitness, hyphens, totalWidth: 0, totalStretch: 0, totalMaxStretch: 0, totalShrink: 0,
          totalGlyphs: 0, totalGlues: 0, demerits: total, ratio, previous: a };
      }
    }
    let after: ReturnType<typeof totalsAfter> | undefined;
    for (const node of best) {
      if (!node) continue;
      after ??= totalsAfter(i);
      Object.assign(node, after);
      keep.push(node);
    }
    return keep;
  }

  /** Totals as seen from a line starting after a break at i: leading glue and penalties are discarded. */
  function totalsAfter(i: number) {
    const t = { totalWidth: sum.width, totalStretch: sum.stretch, totalMaxStretch: sum.maxStretch,
      totalShrink: sum.shrink, totalGlyphs: sum.glyphs, totalGlues: sum.glues };
    for (let j = i; j < items.length; j++) {
      const it = items[j]!;
      if (it.type === "box") break;
      if (it.type === "glue") {
        t.totalWidth += it.width; t.totalStretch += it.stretch; t.totalMaxStretch += it.maxStretch; t.totalShrink += it.shrink;
        t.totalGlues++;
      } else if (it.penalty <= -INFINITY && j > i) break;
    }
    return t;
  }
}
