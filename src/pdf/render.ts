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
import { documentModel, type DocumentModel } from './model.ts';

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
export function layoutRole(rolebook: Rolebook, role: Role, locale: string): Laid {
	const template = templateFor(rolebook, role);
	const model = documentModel(rolebook, role, locale, template);
	return { model, template, pages: layoutDocument(model, template, measureWithFonts) };
}

export async function renderRolePdf(rolebook: Rolebook, role: Role, locale: string): Promise<Uint8Array> {
	const { model, template, pages } = layoutRole(rolebook, role, locale);
	const faces = getFaces();
	const [regular, bold] = await Promise.all([fontSubset(faces.regular, extraCodePoints(pages, 'regular')), fontSubset(faces.bold, extraCodePoints(pages, 'bold'))]);
	const documentId = createHash('sha256').update(JSON.stringify({ model, template })).digest('hex').slice(0, 32);
	return drawDocument({ pages, model, subsets: { regular, bold }, documentId });
}

function inBase(codePoint: number): boolean {
	return BASE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Characters drawn in `face` that the base alphabets do not cover (rare: ✓, →, …). */
function extraCodePoints(pages: Page[], face: FaceName): number[] {
	const extra = new Set<number>();
	for (const page of pages) {
		for (const box of page.boxes) {
			if ((box.kind === 'text' || box.kind === 'watermark') && box.style.face === face) {
				for (const char of box.text) {
					const cp = char.codePointAt(0)!;
					if (cp > 0x7e && !inBase(cp)) extra.add(cp);
				}
			}
		}
	}
	return [...extra];
}
