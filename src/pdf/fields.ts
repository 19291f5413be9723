/**
 * AcroForm fields, written as widget dictionaries directly (pdf-lib's form API costs ~23 ms
 * per document and regenerates every appearance). Text fields (/FT /Tx) take names and dates;
 * signature fields (/FT /Sig) are what Acrobat and e-signature services sign into. Names are
 * stable and meaningful, without dots (a dot would make a field hierarchy).
 */
import { PDFHexString, PDFRawStream, PDFString, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import { num } from './draw/primitives.ts';
import type { FieldBox } from './layout/types.ts';

/** Default appearance of text fields: the regular face at 10 pt, black. */
export function defaultAppearance(fontResource: string): string {
	return `/${fontResource} 10 Tf 0 g`;
}

export interface FieldWriter {
	/** Adds the widget of `box` to the page; returns the field's reference for /AcroForm /Fields. */
	add(box: FieldBox, pageRef: PDFRef, pageHeight: number): PDFRef;
}

export function fieldWriter(context: PDFContext, fontResource: string): FieldWriter {
	const names = new Set<string>();
	const appearances = new Map<string, PDFRef>();
	/** An empty appearance per size: the printed form shows through until the field is filled. */
	const emptyAppearance = (width: number, height: number, text: boolean): PDFRef => {
		const key = `${num(width)}x${num(height)}:${text}`;
		let ref = appearances.get(key);
		if (!ref) {
			const content = new TextEncoder().encode(text ? '/Tx BMC EMC' : '');
			const dict = context.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, num(width), num(height)].map(Number), Resources: {}, Length: content.length }) as PDFDict;
			ref = context.register(PDFRawStream.of(dict, content));
			appearances.set(key, ref);
		}
		return ref;
	};
	return {
		add(box, pageRef, pageHeight) {
			if (box.name.includes('.')) throw new Error(`internal: field name "${box.name}" contains a dot`);
			if (names.has(box.name)) throw new Error(`internal: two fields are named "${box.name}"`);
			names.add(box.name);
			const rect = [box.x, pageHeight - box.y - box.height, box.x + box.width, pageHeight - box.y].map((v) => Number(num(v)));
			const common = {
				Type: 'Annot',
				Subtype: 'Widget',
				T: PDFString.of(box.name),
				TU: PDFHexString.fromText(box.label),
				Rect: rect,
				F: 4, // print
				P: pageRef,
				AP: { N: emptyAppearance(box.width, box.height, box.type === 'text') },
			};
			const dict =
				box.type === 'text'
					? context.obj({ ...common, FT: 'Tx', DA: PDFString.of(defaultAppearance(fontResource)), MK: { BG: [1] } })
					: context.obj({ ...common, FT: 'Sig' });
			return context.register(dict);
		},
	};
}

/** The document's /AcroForm: every field, the default appearance and its font resource. */
export function acroForm(context: PDFContext, fields: PDFRef[], fontResource: string, fontRef: PDFRef): PDFRef {
	return context.register(
		context.obj({
			Fields: fields,
			DA: PDFString.of(defaultAppearance(fontResource)),
			DR: { Font: { [fontResource]: fontRef } },
		}),
	);
}
