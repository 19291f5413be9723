/**
 * Reading PDFs the way Firefox's viewer does — pdf.js (`pdfjs-dist`, legacy build for Node) —
 * and so the way a screen reader meets them there: each page's structure tree
 * (`page.getStructTree()`), the text of each marked-content sequence, the form fields, the outline.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfJsNode {
	role?: string;
	lang?: string;
	alt?: string;
	type?: 'content' | 'annotation' | 'object';
	id?: string;
	children?: PdfJsNode[];
}

/** One leaf of the structure in reading order: the roles from the document down, and what it holds. */
export interface Leaf {
	/** Roles from below Document, e.g. "Sect/L/LI/LBody". */
	path: string;
	/** Text of the marked content, or "field:<name>" for a form field's widget. */
	text: string;
	/** Languages set on the way down (innermost last). */
	lang?: string;
	page: number;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
	return getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
}

/** Text of every marked-content sequence of a page, by pdf.js's content id ("p17R_mc3"). */
async function markedTexts(doc: PDFDocumentProxy, pageNumber: number): Promise<Map<string, string>> {
	const page = await doc.getPage(pageNumber);
	const content = await page.getTextContent({ includeMarkedContent: true });
	const texts = new Map<string, string[]>();
	const open: (string | null)[] = [];
	for (const item of content.items) {
		if ('type' in item) {
			if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push((item as { id?: string | null }).id ?? null);
			else if (item.type === 'endMarkedContent') open.pop();
			continue;
		}
		const id = open.findLast((value) => value !== null);
		if (!id || item.str === '') continue;
		const list = texts.get(id) ?? [];
		list.push(item.str);
		if (item.hasEOL) list.push('\n');
		texts.set(id, list);
	}
	return new Map([...texts].map(([id, parts]) => [id, joinLines(parts.join(''))]));
}

/** Lines joined back: a line ending in U+00AD (a hyphen inserted by layout) joins the next without a space. */
export function joinLines(text: string): string {
	return text.replace(/\u00AD\s*/g, '').replace(/\s+/g, ' ').trim();
}

/** The structure tree of each page, and its leaves in reading order. */
export async function pageStructure(doc: PDFDocumentProxy, pageNumber: number): Promise<{ tree: PdfJsNode; leaves: Leaf[] }> {
	const page = await doc.getPage(pageNumber);
	const tree = (await page.getStructTree()) as PdfJsNode;
	const texts = await markedTexts(doc, pageNumber);
	const fields = new Map((await page.getAnnotations()).map((annotation) => [`pdfjs_internal_id_${annotation.id}`, annotation.fieldName as string]));
	const leaves: Leaf[] = [];
	const walk = (node: PdfJsNode, path: string[], lang: string | undefined) => {
		// Consecutive marked content of one element (its lines, around artifacts) is one leaf.
		let run: string[] = [];
		const flush = () => {
			// An element's /ActualText (pdf.js: `alt`) is what a reader reads instead of its content.
			if (run.length > 0) leaves.push({ path: path.join('/'), text: node.alt ?? joinLines(run.join(' ')), page: pageNumber, ...(lang ? { lang } : {}) });
			run = [];
		};
		for (const child of node.children ?? []) {
			if (child.type === 'content') {
				run.push(texts.get(child.id!) ?? '');
				continue;
			}
			flush();
			if (child.type === 'annotation') leaves.push({ path: path.join('/'), text: `field:${fields.get(child.id!) ?? child.id}`, page: pageNumber, ...(lang ? { lang } : {}) });
			else if (child.role) walk(child, child.role === 'Document' ? [] : [...path, child.role], child.lang ?? lang);
		}
		flush();
	};
	walk(tree, [], undefined);
	return { tree, leaves };
}

/**
 * The leaves of the whole document in reading order. An element split across a page break
 * (a long item's text) has content on both pages: its two parts are joined back into one leaf.
 */
export async function documentLeaves(doc: PDFDocumentProxy): Promise<{ leaves: Leaf[]; pages: { tree: PdfJsNode; leaves: Leaf[] }[] }> {
	const pages = [];
	for (let n = 1; n <= doc.numPages; n++) pages.push(await pageStructure(doc, n));
	const leaves: Leaf[] = [];
	for (const page of pages) {
		page.leaves.forEach((leaf, i) => {
			const last = leaves.at(-1);
			if (i === 0 && last && last.path === leaf.path && !leaf.text.startsWith('field:') && /(LBody|P)$/.test(leaf.path)) {
				// (Both parts carry the element's /ActualText when it has one.)
				if (last.text !== leaf.text) last.text = joinLines(`${last.text} ${leaf.text}`);
			}
			else leaves.push({ ...leaf });
		});
	}
	return { leaves, pages };
}
