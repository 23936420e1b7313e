import type { CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { generateCommunique } from "@/lib/pdf/generate-communique";

/** The documents every PDF benchmark runs: the model communiqué and generated ones. */
export const DOCUMENTS = ["seed", "10", "100", "1000"] as const;
export type DocumentName = (typeof DOCUMENTS)[number];

export function benchDocument(name: DocumentName): CommuniqueContent {
  const seed = seedCommuniqueContent();
  return name === "seed" ? seed : generateCommunique(seed, Number(name));
}

export function clauseCount(doc: CommuniqueContent): number {
  return doc.blocks.filter((b) => b.kind === "clause").length;
}
