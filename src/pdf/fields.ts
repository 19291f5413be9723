/**
 * AcroForm fields, written as widget dictionaries directly (pdf-lib's form API costs ~23 ms
 * per document and regenerates every appearance). Text fields (/FT /Tx) take names and dates;
 * signature fields (/FT /Sig) are what Acrobat and e-signature services sign into. Names are
 * stable and meaningful, without dots (a dot would make a field hierarchy).
 */
import { deflateSync } from 'node:zlib';
import { PDFHexString, PDFRawStream, PDFString, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import { num, type PlacedFont } from './draw/primitives.ts';
import { encodeText } from './embed.ts';
import type { FieldBox } from './layout/types.ts';

/** Size of text in fields, in points; a pre-filled value too long for its field shrinks down to the minimum. */
export const FIELD_FONT_SIZE = 10;
const MIN_FIELD_FONT_SIZE = 6;
/** Inner padding of a text field's appearance. */
const FIELD_PADDING = 2;

/** Default appearance of text fields: the regular face at 10 pt, black. */
export function defaultAppearance(fontResource: string, size = FIELD_FONT_SIZE): string {
	return `/${fontResource} ${num(size)} Tf 0 g`;
}

/** The largest size (≤ 10 pt, ≥ 6 pt) at which `value` fits the field's width. */
export function fieldFontSize(value: string, width: number, measure: (text: string, size: number) => number): number {
	const room = width - 2 * FIELD_PADDING;
	const natural = measure(value, FIELD_FONT_SIZE);
	if (natural <= room) return FIELD_FONT_SIZE;
	return Math.max(MIN_FIELD_FONT_SIZE, Math.floor(((FIELD_FONT_SIZE * room) / natural) * 4) / 4);
}

export interface FieldWriter {
	/** Adds the widget of `box` to the page; returns the field's reference for /AcroForm /Fields. */
	add(box: FieldBox, pageRef: PDFRef, pageHeight: number): PDFRef;
}

export function fieldWriter(context: PDFContext, font: PlacedFont, fontRef: PDFRef): FieldWriter {
	const fontResource = font.resource;
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
	/** The appearance of a pre-filled text field: its value in the field font, vertically centred. */
	const filledAppearance = (width: number, height: number, value: string, size: number): PDFRef => {
		const y = (height - size) / 2 + size * 0.22;
		const ops = `/Tx BMC q ${FIELD_PADDING} ${FIELD_PADDING} ${num(width - 2 * FIELD_PADDING)} ${num(height - 2 * FIELD_PADDING)} re W n BT /${fontResource} ${num(size)} Tf 0 g ${FIELD_PADDING} ${num(y)} Td <${encodeText(font.subset, value)}> Tj ET Q EMC`;
		const content = deflateSync(Buffer.from(ops, 'latin1'));
		const dict = context.obj({
			Type: 'XObject',
			Subtype: 'Form',
			BBox: [0, 0, num(width), num(height)].map(Number),
			Resources: { Font: { [fontResource]: fontRef } },
			Filter: 'FlateDecode',
			Length: content.length,
		}) as PDFDict;
		return context.register(PDFRawStream.of(dict, content));
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
			let dict: PDFDict;
			if (box.type === 'text' && box.value) {
				const size = fieldFontSize(box.value, box.width, (text, at) => font.subset.face.width(text, at));
				dict = context.obj({
					...common,
					FT: 'Tx',
					V: PDFHexString.fromText(box.value),
					DA: PDFString.of(defaultAppearance(fontResource, size)),
					MK: { BG: [1] },
					AP: { N: filledAppearance(box.width, box.height, box.value, size) },
				});
			} else if (box.type === 'text') dict = context.obj({ ...common, FT: 'Tx', DA: PDFString.of(defaultAppearance(fontResource)), MK: { BG: [1] } });
			else dict = context.obj({ ...common, FT: 'Sig' });
			return context.register(dict);
		},
	};
}

/** The document's /AcroForm: every field, the default appearance and its font resource. */
export function acroForm(context: PDFContext, fields: PDFRef[], fontResource: string, fontRef: PDFRef, options: { signed?: boolean } = {}): PDFRef {
	return context.register(
		context.obj({
			Fields: fields,
			// 3 = SignaturesExist | AppendOnly: viewers must save changes incrementally, keeping the signature valid.
			...(options.signed ? { SigFlags: 3 } : {}),
			DA: PDFString.of(defaultAppearance(fontResource)),
			DR: { Font: { [fontResource]: fontRef } },
		}),
	);
}
