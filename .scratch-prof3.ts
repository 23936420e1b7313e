import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { generateCommunique } from "@/lib/pdf/generate-communique";
import { renderCommuniquePdf } from "@/lib/pdf";
const doc = generateCommunique(seedCommuniqueContent(), 1000);
await renderCommuniquePdf(doc, { draft: false });
for (let k = 0; k < 3; k++) { const t = performance.now(); await renderCommuniquePdf(doc, { draft: false }); console.log(performance.now() - t); }
