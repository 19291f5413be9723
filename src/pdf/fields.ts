/**
 * AcroForm fields, written as widget dictionaries directly — as PDF syntax, each widget merged
 * with its field (pdf-lib's form API costs ~23 ms per document and regenerates every
 * appearance). Text fields (/FT /Tx) take names and dates;
 * signature fields (/FT /Sig) are what Acrobat and e-signature services sign into. Names are
 * stable and meaningful, without dots (a dot would make a field hierarchy).
 */
import { deflateSync } from 'node:zlib';
import { PDFHexString, PDFRawStream, PDFString, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import { num, type PlacedFont } from './draw/primitives.ts';
import { PackedSyntax, refSyntax } from './draw/writer.ts';
import { encodeText } from './embed.ts';
import { STAMP_FONT_SIZE, STAMP_LINE } from './layout/document.ts';
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
	/**
	 * Writes the widget of `box` (a merged field and widget dictionary, PDF syntax) at `ref`
	 * (or a new reference); returns the reference for the page's /Annots and /AcroForm /Fields.
	 * `structParent`: its key in the structure's parent tree; `value`: a signature's /V.
	 */
	add(box: FieldBox, pageRef: PDFRef, pageHeight: number, options?: { ref?: PDFRef; structParent?: number; value?: PDFRef }): PDFRef;
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
	/** A field appearance: a form XObject drawing `ops` in the field font. */
	const appearance = (width: number, height: number, ops: string): PDFRef => {
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
	/** The appearance of a pre-filled text field: its value in the field font, vertically centred. */
	const filledAppearance = (width: number, height: number, value: string, size: number): PDFRef => {
		const y = (height - size) / 2 + size * 0.22;
		const ops = `/Tx BMC q ${FIELD_PADDING} ${FIELD_PADDING} ${num(width - 2 * FIELD_PADDING)} ${num(height - 2 * FIELD_PADDING)} re W n BT /${fontResource} ${num(size)} Tf 0 g ${FIELD_PADDING} ${num(y)} Td <${encodeText(font.subset, value)}> Tj ET Q EMC`;
		return appearance(width, height, ops);
	};
	/** The visible signature stamp: its lines in the field font, in a thin frame. */
	const stampAppearance = (width: number, height: number, lines: readonly string[]): PDFRef => {
		const lead = STAMP_FONT_SIZE * STAMP_LINE;
		const top = height - 2 - STAMP_FONT_SIZE * 0.95;
		const text = lines.map((line, i) => `BT /${fontResource} ${num(STAMP_FONT_SIZE)} Tf 0.1 g 1 0 0 1 3 ${num(top - i * lead)} Tm <${encodeText(font.subset, line)}> Tj ET`);
		const ops = [`q 0.5 w 0.45 G 0.5 0.5 ${num(width - 1)} ${num(height - 1)} re S Q`, ...text].join('\n');
		return appearance(width, height, ops);
	};
	return {
		add(box, pageRef, pageHeight, options = {}) {
			if (box.name.includes('.')) throw new Error(`internal: field name "${box.name}" contains a dot`);
			if (names.has(box.name)) throw new Error(`internal: two fields are named "${box.name}"`);
			names.add(box.name);
			const rect = [box.x, pageHeight - box.y - box.height, box.x + box.width, pageHeight - box.y].map((v) => num(v)).join(' ');
			let appearance: PDFRef;
			let own = '';
			if (box.type === 'text' && box.value) {
				const size = fieldFontSize(box.value, box.width, (text, at) => font.subset.face.width(text, at));
				appearance = filledAppearance(box.width, box.height, box.value, size);
				own = `/FT/Tx/V ${PDFHexString.fromText(box.value).toString()}/DA ${PDFString.of(defaultAppearance(fontResource, size)).toString()}/MK<</BG[1]>>`;
			} else if (box.type === 'text') {
				appearance = emptyAppearance(box.width, box.height, true);
				own = `/FT/Tx/DA ${PDFString.of(defaultAppearance(fontResource)).toString()}/MK<</BG[1]>>`;
			} else {
				appearance = box.stamp ? stampAppearance(box.width, box.height, box.stamp) : emptyAppearance(box.width, box.height, false);
				own = `/FT/Sig${options.value ? `/V ${refSyntax(options.value)}` : ''}`;
			}
			const ref = options.ref ?? context.nextRef();
			context.assign(
				ref,
				new PackedSyntax(
					`<</Type/Annot/Subtype/Widget/T ${PDFString.of(box.name).toString()}/TU ${PDFHexString.fromText(box.label).toString()}/Rect[${rect}]/F 4/P ${refSyntax(pageRef)}` +
						`/AP<</N ${refSyntax(appearance)}>>${own}${options.structParent !== undefined ? `/StructParent ${options.structParent}` : ''}>>`,
				),
			);
			return ref;
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
