/**
 * Bookmarks (the document outline, ISO 32000-1 12.3.3): one entry per heading layout marked,
 * each opening its page at the heading. A flat list: sections, the agreement block, the
 * familiarisation sheet.
 */
import { PDFDict, PDFHexString, PDFName, PDFNull, type PDFContext, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from '../layout/types.ts';

/** Writes the outline and returns its root, or undefined when there is nothing to bookmark. */
export function writeOutline(context: PDFContext, entries: readonly OutlineEntry[], pages: readonly { ref: PDFRef; height: number }[], left: number): PDFRef | undefined {
	if (entries.length === 0) return undefined;
	const root = context.nextRef();
	const refs = entries.map(() => context.nextRef());
	entries.forEach((entry, i) => {
		const page = pages[entry.page]!;
		const item = context.obj({
			Title: PDFHexString.fromText(entry.title),
			Parent: root,
			Dest: [page.ref, 'XYZ', Math.round(left), Math.round(page.height - entry.y + 4), PDFNull],
		}) as PDFDict;
		if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
		if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
		context.assign(refs[i]!, item);
	});
	context.assign(root, context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
	return root;
}
