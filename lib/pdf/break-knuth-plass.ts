import { breakGreedy } from "./break-greedy";
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

/**
 * Running totals before each item (index k holds the sums over items 0 … k−1), and
 * for each item the index a line starting after a break there begins at: the next
 * box, or a forced break, with the glue and penalties in between discarded.
 */
interface Prefix {
  width: Float64Array;
  stretch: Float64Array;
  maxStretch: Float64Array;
  shrink: Float64Array;
  glyphs: Float64Array;
  glues: Float64Array;
  startAfter: Int32Array;
  legal: Uint8Array;
}

/** Arrays shared by every paragraph (breaking is synchronous), grown as needed: allocating them per paragraph costs more than filling them. */
let scratch: Prefix | undefined;

function prefixOf(items: Item[]): Prefix {
  const n = items.length;
  if (!scratch || scratch.startAfter.length < n) {
    const size = Math.max(n, 2 * (scratch?.startAfter.length ?? 512));
    scratch = {
      width: new Float64Array(size + 1), stretch: new Float64Array(size + 1), maxStretch: new Float64Array(size + 1),
      shrink: new Float64Array(size + 1), glyphs: new Float64Array(size + 1), glues: new Float64Array(size + 1),
      startAfter: new Int32Array(size), legal: new Uint8Array(size),
    };
  }
  const p = scratch;
  let width = 0, stretch = 0, maxStretch = 0, shrink = 0, glyphs = 0, glues = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    p.width[i] = width; p.stretch[i] = stretch; p.maxStretch[i] = maxStretch; p.shrink[i] = shrink;
    p.glyphs[i] = glyphs; p.glues[i] = glues;
    let legal = 0;
    if (item.type === "box") {
      width += item.width; glyphs += item.glyphs;
    } else if (item.type === "glue") {
      width += item.width; stretch += item.stretch; maxStretch += item.maxStretch; shrink += item.shrink; glues++;
      if (i > 0 && items[i - 1]!.type === "box") legal = 1;
    } else if (item.penalty < INFINITY) {
      legal = 1;
    }
    p.legal[i] = legal;
  }
  p.width[n] = width; p.stretch[n] = stretch; p.maxStretch[n] = maxStretch; p.shrink[n] = shrink;
  p.glyphs[n] = glyphs; p.glues[n] = glues;
  // Scanning backwards: the next box at or after i, a forced penalty after i ends the scan too.
  let next = n;
  for (let i = n - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.type === "box") next = i;
    p.startAfter[i] = next;
    if (item.type === "penalty" && item.penalty <= -INFINITY) next = i;
  }
  return p;
}

export function breakLines(items: Item[], options: BreakOptions): Break[] {
  const prefix = prefixOf(items);
  // In a narrow column a run of long words can leave no solution within the hyphen
  // cap; one more hyphenated line is a smaller evil than a word space over 1 em.
  const relaxed = { ...options, maxConsecutiveHyphens: options.maxConsecutiveHyphens + 1 };
  // The emergency pass takes any line, so it always finds breaks; should it not, first-fit
  // breaks still set every word: a paragraph must never come out with no lines at all.
  return run(items, prefix, options, false) ?? run(items, prefix, relaxed, false) ?? run(items, prefix, relaxed, true)
    ?? breakGreedy(items, options.lineWidth);
}

/** Candidate classes per break: fitness (4) × hyphenated lines in a row (0 … 4). */
const SLOTS = 20;

/**
 * Break nodes as parallel arrays indexed by node number (node 0 is the paragraph
 * start): hundreds of thousands are made for a long document, and as objects they
 * kept the garbage collector busier than the breaking itself.
 */
class Nodes {
  count = 0;
  position = new Int32Array(1024);
  start = new Int32Array(1024);
  fitness = new Int32Array(1024);
  hyphens = new Int32Array(1024);
  previous = new Int32Array(1024);
  demerits = new Float64Array(1024);
  ratio = new Float64Array(1024);

  add(position: number, start: number, fitness: number, hyphens: number, demerits: number, ratio: number, previous: number): number {
    if (this.count === this.position.length) this.grow();
    const k = this.count++;
    this.position[k] = position; this.start[k] = start; this.fitness[k] = fitness; this.hyphens[k] = hyphens;
    this.demerits[k] = demerits; this.ratio[k] = ratio; this.previous[k] = previous;
    return k;
  }

  private grow(): void {
    const size = this.position.length * 2;
    const int = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    const float = (a: Float64Array) => { const b = new Float64Array(size); b.set(a); return b; };
    this.position = int(this.position); this.start = int(this.start); this.fitness = int(this.fitness);
    this.hyphens = int(this.hyphens); this.previous = int(this.previous);
    this.demerits = float(this.demerits); this.ratio = float(this.ratio);
  }
}

const nodes = new Nodes();
let activeScratch = new Int32Array(1024);

function run(items: Item[], p: Prefix, o: BreakOptions, emergency: boolean): Break[] | null {
  const linePenalty = o.linePenalty ?? 10;
  const flaggedDemerits = o.flaggedDemerits ?? 3000;
  const fitnessDemerits = o.fitnessDemerits ?? 100;
  const { lineWidth, letterStretch, maxConsecutiveHyphens } = o;
  const W = p.width, St = p.stretch, MSt = p.maxStretch, Sh = p.shrink, G = p.glyphs, N = p.glues;
  // Best candidate per class at the break being considered; reset after each.
  const bestDemerits = new Float64Array(SLOTS).fill(Infinity);
  const bestRatio = new Float64Array(SLOTS);
  const bestPrevious = new Int32Array(SLOTS).fill(-1);
  nodes.count = 0;
  nodes.add(0, 0, 1, 0, 0, 0, -1);
  let active = activeScratch;
  active[0] = 0;
  let activeLength = 1;

  for (let i = 0; i < items.length; i++) {
    if (!p.legal[i]) continue;
    const item = items[i]!;
    const isPenalty = item.type === "penalty";
    const flagged = isPenalty && item.flagged;
    const penaltyValue = isPenalty ? item.penalty : 0;
    const forced = isPenalty && penaltyValue <= -INFINITY;
    const extraWidth = isPenalty ? item.width : 0;
    const sumW = W[i]!, sumSt = St[i]!, sumMSt = MSt[i]!, sumSh = Sh[i]!, sumG = G[i]!, sumN = N[i]!;
    const infiniteStretch = sumSt === Infinity;
    const { start: nStart, hyphens: nHyphens, fitness: nFitness, demerits: nDemerits } = nodes;
    let kept = 0;
    // Bit s is set when class s has a candidate.
    let used = 0;
    let k = 0;
    for (; k < activeLength; k++) {
      const a = active[k]!;
      const s = nStart[a]!;
      const width = sumW - W[s]! + extraWidth;
      const shortfall = lineWidth - width;
      let ratio: number;
      let feasible: boolean;
      if (shortfall >= 0) {
        const stretch = sumSt - St[s]!;
        const maxStretch = sumMSt - MSt[s]!;
        // Nodes are in order of position, so lines from the ones after this are shorter
        // still: once even every glyph's letter spacing cannot fill this line, none can.
        if (!emergency && !infiniteStretch && shortfall > maxStretch + (sumG - G[s]!) * letterStretch + 1e-6) break;
        // Letter spacing only opens the gaps inside words.
        const glyphs = Math.max(0, sumG - G[s]! - (sumN - N[s]!) - 1);
        const hard = maxStretch + glyphs * letterStretch;
        ratio = stretch === Infinity ? 0 : stretch > 0 ? shortfall / stretch : shortfall > 0.01 ? INFINITY : 0;
        feasible = shortfall <= hard + 1e-6 || stretch === Infinity;
      } else {
        const shrink = sumSh - Sh[s]!;
        ratio = shrink > 0 ? shortfall / shrink : -INFINITY;
        feasible = ratio >= -1;
      }
      // A node that can no longer end a line by shrinking is retired.
      if (ratio >= -1 && !forced) active[kept++] = a;
      const previousHyphens = nHyphens[a]!;
      const hyphens = flagged ? previousHyphens + 1 : 0;
      // Past the cap only in an emergency (a word longer than several lines), at a price.
      if (hyphens > maxConsecutiveHyphens && !emergency) continue;
      if (!feasible && !emergency) continue;
      // Infeasible lines (emergency pass only) cost more the further they miss.
      // Cubes and squares by multiplication: Math.pow (what ** compiles to) costs five times as much.
      const r = Math.abs(ratio);
      const miss = 1 + Math.abs(shortfall) / lineWidth;
      const badness = feasible ? Math.min(100 * (r * r * r), 5000) : 5e4 * (miss * miss) * (ratio < -1 ? 20 : 1);
      const base = linePenalty + badness;
      let demerits = base * base;
      if (penaltyValue >= 0) demerits += penaltyValue * penaltyValue;
      else if (penaltyValue > -INFINITY) demerits -= penaltyValue * penaltyValue;
      if (flagged && previousHyphens > 0) demerits += flaggedDemerits;
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
      if (Math.abs(fitness - nFitness[a]!) > 1) demerits += fitnessDemerits;
      const slot = fitness * 5 + Math.min(hyphens, 4);
      const total = nDemerits[a]! + demerits;
      if (total < bestDemerits[slot]!) {
        bestDemerits[slot] = total;
        bestRatio[slot] = ratio;
        bestPrevious[slot] = a;
        used |= 1 << slot;
      }
    }
    // The nodes skipped above all end too short a line here: they stay active unless the break is forced.
    if (!forced) for (; k < activeLength; k++) active[kept++] = active[k]!;
    activeLength = kept;
    if (used) {
      const start = p.startAfter[i]!;
      // The classes with a candidate, in increasing order.
      for (let bits = used; bits; bits &= bits - 1) {
        const slot = 31 - Math.clz32(bits & -bits);
        const previous = bestPrevious[slot]!;
        const node = nodes.add(i, start, Math.floor(slot / 5), flagged ? nodes.hyphens[previous]! + 1 : 0,
          bestDemerits[slot]!, bestRatio[slot]!, previous);
        if (activeLength === active.length) {
          const grown = new Int32Array(active.length * 2);
          grown.set(active);
          active = activeScratch = grown;
        }
        active[activeLength++] = node;
        bestDemerits[slot] = Infinity;
        bestPrevious[slot] = -1;
      }
    }
    if (activeLength === 0) return null;
  }
  let best = -1;
  for (let k = 0; k < activeLength; k++) {
    const node = active[k]!;
    if (nodes.position[node] === items.length - 1 && (best < 0 || nodes.demerits[node]! < nodes.demerits[best]!)) best = node;
  }
  if (best < 0) return null;
  const breaks: Break[] = [];
  for (let n = best; n >= 0 && nodes.previous[n]! >= 0; n = nodes.previous[n]!) breaks.push({ position: nodes.position[n]!, ratio: nodes.ratio[n]! });
  return breaks.reverse();
}
