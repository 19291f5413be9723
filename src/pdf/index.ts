/**
 * Signable PDF job descriptions, drawn directly with pdf-lib from the normalised role model:
 * tagged, archival and accessible (PDF/A-2a, PDF/UA-1; see README).
 *   model.ts   what the document prints, resolved for one role and locale (font coverage checked)
 *   layout/    measure, break lines (hyphenate.ts: hyphenation), paginate → pages of positioned
 *              boxes tagged with the logical structure, and the outline (no drawing)
 *   draw/      pdf-lib drawing of those boxes, one primitive per function; structure.ts the
 *              structure tree, metadata.ts XMP and output intent, outline.ts bookmarks,
 *              writer.ts the file itself
 *   fonts.ts   DejaVu Sans faces, parsed once; embed.ts the custom subset embedder
 *   icc.ts     the sRGB profile of the output intent, made in code
 *   fields.ts  AcroForm text and signature fields; stamp.ts the visible signature's wording
 *   generate.ts many documents at once, through the build's render-many stage (src/build/)
 *   sign.ts    digital signatures of approved documents (PKCS#12 from the environment)
 */
export { renderRolePdf, layoutRole, templateFor, isSignable, signatureInfo, PdfContentError, APPROVAL_SIGNATURE_FIELD, type RenderOptions } from './render.ts';
export {
	signingCertificate,
	signingCertificateFromEnv,
	SigningError,
	SIGNING_ENV,
	UNSIGNED_NOTICE,
	type SigningCertificate,
	type SignatureInfo,
} from './sign.ts';
export { generatePdfs, cacheKey, pdfIdentity, type PdfJob, type GenerateResult } from './generate.ts';
export { MissingGlyphError } from './fonts.ts';
export { upper } from './model.ts';
