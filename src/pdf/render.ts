/**
 * One role in one locale → PDF bytes:
 *   document model (labels, names, text; font coverage checked) → layout (pages of boxes)
 *   → font subsets (built once per process) → drawing.
 */
import { createHash } from 'node:crypto';
import type { Role, Rolebook } from '../model/index.ts';
import type { TemplateData } from '../model/schema/index.ts';
import { drawDocument } from './draw/document.ts';
import { BASE_RANGES, fontSubset } from './embed.ts';
import { getFaces } from './fonts.ts';
import { layoutDocument } from './layout/document.ts';
import type { FaceName, Measure, Page } from './layout/types.ts';
import { documentModel, type DocumentModel, type DocumentOptions } from './model.ts';
import { signPdfBytes, type SignatureInfo, type SigningCertificate } from './sign.ts';

/** Options of one document. Both change the bytes, so both are part of the cache key. */
export interface RenderOptions extends DocumentOptions {
	/**
	 * Sign approved documents with this certificate, in the approver's signature field. Drafts
	 * (and anything not approved) are never signed.
	 */
	certificate?: SigningCertificate;
}

/** The approver's signature field, as layout names it. */
export const APPROVAL_SIGNATURE_FIELD = 'approval-signature';

/** Raised for problems the content author can fix (unknown template…), worded for them. */
export class PdfContentError extends Error {
	override name = 'PdfContentError';
}

export function templateFor(rolebook: Rolebook, role: Role): TemplateData {
	const template = rolebook.templates[role.template];
	if (!template) {
		const known = Object.keys(rolebook.templates).join(', ') || 'none';
		throw new PdfContentError(`role "${role.id}" uses the PDF template "${role.template}", which does not exist in templates/ (found: ${known}).`);
	}
	return template;
}

export const measureWithFonts: Measure = (text, face, size) => getFaces()[face].width(text, size);

export interface Laid {
	model: DocumentModel;
	template: TemplateData;
	pages: Page[];
}

/** The document model and its layout, without drawing: what tests and previews inspect. */
export function layoutRole(rolebook: Rolebook, role: Role, locale: string, options: DocumentOptions = {}): Laid {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template, options);
	return { model, template, pages: layoutDocument(model, template, measureWithFonts) };
}

export async function renderRolePdf(rolebook: Rolebook, role: Role, locale: string, options: RenderOptions = {}): Promise<Uint8Array> {
	const { model, template, pages } = layoutRole(rolebook, role, locale, options);
	const faces = getFaces();
	const [regular, bold] = await Promise.all([fontSubset(faces.regular, extraCodePoints(pages, 'regular')), fontSubset(faces.bold, extraCodePoints(pages, 'bold'))]);
	const documentId = createHash('sha256').update(JSON.stringify({ model, template })).digest('hex').slice(0, 32);
	const signature = options.certificate ? signatureInfo(model) : undefined;
	const bytes = await drawDocument({ pages, model, subsets: { regular, bold }, documentId, ...(signature ? { signature: { ...signature, field: APPROVAL_SIGNATURE_FIELD } } : {}) });
	return signature ? signPdfBytes(bytes, options.certificate!, signature) : bytes;
}

/** Whether a document would be signed given a certificate: approved, with an approver and an effective date. */
export function isSignable(model: DocumentModel): boolean {
	return !model.draft && Boolean(model.approver) && Boolean(model.metadata.date);
}

/** What the approver's signature states, all from the content; undefined for documents that are never signed. */
export function signatureInfo(model: DocumentModel): SignatureInfo | undefined {
	if (!isSignable(model)) return undefined;
	return {
		reason: `Approved: ${model.number} version ${model.version}`,
		name: model.approver!.name,
		date: model.metadata.date!,
		location: model.company,
	};
}

function inBase(codePoint: number): boolean {
	return BASE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Characters drawn in `face` that the base alphabets do not cover (rare: ✓, →, …). */
function extraCodePoints(pages: Page[], face: FaceName): number[] {
	const extra = new Set<number>();
	for (const page of pages) {
		for (const box of page.boxes) {
			const text = (box.kind === 'text' || box.kind === 'watermark') && box.style.face === face ? box.text : box.kind === 'field' && face === 'regular' ? box.value : undefined;
			if (text) {
				for (const char of text) {
					const cp = char.codePointAt(0)!;
					if (cp > 0x7e && !inBase(cp)) extra.add(cp);
				}
			}
		}
	}
	return [...extra];
}
