/**
 * Signable PDF job descriptions, drawn directly with pdf-lib from the normalised role model.
 *   model.ts   what the document prints, resolved for one role and locale (font coverage checked)
 *   layout/    measure, break lines, paginate → pages of positioned boxes (no drawing)
 *   draw/      pdf-lib drawing of those boxes, one primitive per function
 *   fonts.ts   DejaVu Sans faces, parsed once; embed.ts the custom subset embedder
 *   fields.ts  AcroForm text and signature fields
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
