export { renderCommuniquePdf, layoutPages, type RenderOptions } from "./render-communique";
export { findMissingGlyphs, type MissingGlyph } from "./missing-glyphs";
export { MissingGlyphsError } from "./errors";
export type { SignatureInput } from "./signature-marks";
export type { CompletionCertificate, CertificateEvent } from "./certificate";
