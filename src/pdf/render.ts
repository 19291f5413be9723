/**
 * One role in one locale → PDF bytes:
 *   document model (labels, names, text; font coverage checked) → layout (pages of tagged
 *   boxes, structure, outline) → font subsets (built once per process) → drawing (a tagged
 *   PDF/A-2a, PDF/UA-1 file) → for approved documents with a certificate, the signature.
 */
import { createHash } from 'node:crypto';
import type { Role, Rolebook } from '../model/index.ts';
import type { TemplateData } from '../model/schema/index.ts';
import { drawDocument } from './draw/document.ts';
import { BASE_RANGES, fontSubset } from './embed.ts';
import { getFaces } from './fonts.ts';
import { layoutDocument, type LayoutOptions } from './layout/document.ts';
import type { FaceName, Measure, OutlineEntry, Page, StructNode } from './layout/types.ts';
import { documentModel, type DocumentModel, type DocumentOptions } from './model.ts';
import { signerName, signPdfBytes, type SignatureInfo, type SigningCertificate } from './sign.ts';
import { stampLines } from './stamp.ts';

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
	/** The logical structure the pages' boxes are tagged with. */
	structure: StructNode;
	/** Bookmarks. */
	outline: OutlineEntry[];
}

/** The document model and its layout, without drawing: what tests and previews inspect. */
export function layoutRole(rolebook: Rolebook, role: Role, locale: string, options: DocumentOptions & LayoutOptions = {}): Laid {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template, options);
	return { model, template, ...layoutDocument(model, template, measureWithFonts, options.stamp ? { stamp: options.stamp } : {}) };
}

export async function renderRolePdf(rolebook: Rolebook, role: Role, locale: string, options: RenderOptions = {}): Promise<Uint8Array> {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template, options);
	const signature = options.certificate ? signatureInfo(model, options.certificate) : undefined;
	const layout = layoutDocument(model, template, measureWithFonts, signature ? { stamp: stampLines(model, signature.name, signature.date) } : {});
	const faces = getFaces();
	const [regular, bold] = await Promise.all([fontSubset(faces.regular, extraCodePoints(layout.pages, 'regular')), fontSubset(faces.bold, extraCodePoints(layout.pages, 'bold'))]);
	const documentId = createHash('sha256').update(JSON.stringify({ model, template })).digest('hex').slice(0, 32);
	const bytes = await drawDocument({ layout, model, subsets: { regular, bold }, documentId, ...(signature ? { signature: { ...signature, field: APPROVAL_SIGNATURE_FIELD } } : {}) });
	return signature ? signPdfBytes(bytes, options.certificate!, signature) : bytes;
}

/** Whether a document would be signed given a certificate: approved, with an approver and an effective date. */
export function isSignable(model: DocumentModel): boolean {
	return !model.draft && Boolean(model.approver) && Boolean(model.metadata.date);
}

/**
 * What the approver's signature states, from the content — and, given the certificate, the
 * signer's name from it (when the font can draw it: the stamp shows it); undefined for
 * documents that are never signed.
 */
export function signatureInfo(model: DocumentModel, certificate?: SigningCertificate): SignatureInfo | undefined {
	if (!isSignable(model)) return undefined;
	const regular = getFaces().regular;
	const fromCertificate = certificate ? signerName(certificate).trim() : '';
	const drawable = fromCertificate !== '' && [...fromCertificate].every((char) => regular.has(char.codePointAt(0)!));
	return {
		reason: `Approved: ${model.number} version ${model.version}`,
		name: drawable ? fromCertificate : model.approver!.name,
		date: model.metadata.date!,
		location: model.company,
	};
}

/** Code points of the base ranges, as a bitmap of the Basic Multilingual Plane. */
const BASE = (() => {
	const map = new Uint8Array(0x10000);
	for (const [from, to] of BASE_RANGES) map.fill(1, from, to + 1);
	return map;
})();

function inBase(codePoint: number): boolean {
	return codePoint < 0x10000 && BASE[codePoint] === 1;
}

/** Characters drawn in `face` that the base alphabets do not cover (rare: ✓, →, …). */
function extraCodePoints(pages: Page[], face: FaceName): number[] {
	const extra = new Set<number>();
	for (const page of pages) {
		for (const box of page.boxes) {
			const text =
				(box.kind === 'text' || box.kind === 'watermark') && box.style.face === face
					? box.text
					: box.kind === 'field' && face === 'regular'
						? `${box.value ?? ''}${box.stamp?.join('') ?? ''}`
						: undefined;
			if (text) {
				for (let i = 0; i < text.length; i++) {
					let cp = text.charCodeAt(i);
					if (cp <= 0x7e || BASE[cp] === 1) continue;
					if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
					if (!inBase(cp)) extra.add(cp);
				}
			}
		}
	}
	return [...extra];
}
