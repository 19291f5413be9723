/**
 * Serialises a pdf-lib document context to bytes: the header, every stream (and raw object)
 * as an indirect object, every other object packed into one object stream, and a
 * cross-reference stream (PDF 1.5+, allowed in PDF/A-2). The same as pdf-lib's
 * `save({ useObjectStreams: true })` in kind, but deflated with Node's zlib in one pass: a
 * tagged document has ~1,000 small objects (structure elements, widgets), and pdf-lib compresses
 * its object streams in JavaScript (pako), 50 objects at a time — most of the time of a
 * document went there.
 */
import { deflateSync } from 'node:zlib';
import { PDFInvalidObject, PDFObject, PDFStream, PDFRawStream, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';

/**
 * An object already written as PDF syntax, packed into the object stream like any other: for
 * the many small dictionaries no code reads back (structure elements, the parent tree, font
 * dictionaries), written as strings instead of as thousands of pdf-lib objects.
 */
export class PackedSyntax extends PDFObject {
	private readonly bytes: Uint8Array;

	constructor(syntax: string) {
		super();
		this.bytes = Buffer.from(syntax, 'latin1');
	}

	override clone(): PackedSyntax {
		return this;
	}
	override toString(): string {
		return Buffer.from(this.bytes).toString('latin1');
	}
	override sizeInBytes(): number {
		return this.bytes.length;
	}
	override copyBytesInto(buffer: Uint8Array, offset: number): number {
		buffer.set(this.bytes, offset);
		return this.bytes.length;
	}
}

/** "12 0 R" */
export const refSyntax = (ref: PDFRef) => `${ref.objectNumber} ${ref.generationNumber} R`;

const latin1 = (text: string) => Buffer.from(text, 'latin1');

function bytesOf(object: PDFObject): Uint8Array {
	const buffer = new Uint8Array(object.sizeInBytes());
	object.copyBytesInto(buffer, 0);
	return buffer;
}

export function writePdf(context: PDFContext): Uint8Array {
	const objects = context.enumerateIndirectObjects();
	const direct: [PDFRef, PDFObject][] = [];
	const packed: [PDFRef, PDFObject][] = [];
	for (const entry of objects) {
		const [ref, object] = entry;
		(object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0 ? direct : packed).push(entry);
	}

	// The object stream: "number offset" pairs, then the objects, copied into one buffer.
	const pairs: string[] = [];
	let bodySize = 0;
	const sizes = packed.map(([ref, object]) => {
		const size = object.sizeInBytes();
		pairs.push(`${ref.objectNumber} ${bodySize}`);
		bodySize += size + 1;
		return size;
	});
	const streamNumber = context.largestObjectNumber + 1;
	const xrefNumber = streamNumber + 1;
	const index = latin1(`${pairs.join(' ')}\n`);
	const body = Buffer.alloc(index.length + bodySize, 0x0a);
	body.set(index, 0);
	let at = index.length;
	packed.forEach(([, object], i) => {
		object.copyBytesInto(body, at);
		at += sizes[i]! + 1;
	});
	// Level 1, as for page content: the object stream is deflated once per document.
	const packedData = deflateSync(body, { level: 1 });
	const objectStream = PDFRawStream.of(context.obj({ Type: 'ObjStm', N: packed.length, First: index.length, Filter: 'FlateDecode', Length: packedData.length }) as PDFDict, packedData);

	const chunks: Uint8Array[] = [];
	let position = 0;
	const write = (bytes: Uint8Array) => {
		chunks.push(bytes);
		position += bytes.length;
	};
	/** Cross-reference entries by object number: [type, field 2, field 3]. */
	const entries = new Map<number, [number, number, number]>();
	write(latin1('%PDF-1.7\n%\x81\x81\x81\x81\n\n'));
	const writeObject = (number: number, generation: number, object: PDFObject) => {
		entries.set(number, [1, position, generation]);
		write(latin1(`${number} ${generation} obj\n`));
		write(bytesOf(object));
		write(latin1('\nendobj\n\n'));
	};
	for (const [ref, object] of direct) writeObject(ref.objectNumber, ref.generationNumber, object);
	writeObject(streamNumber, 0, objectStream);
	packed.forEach(([ref], i) => entries.set(ref.objectNumber, [2, streamNumber, i]));

	// The cross-reference stream: W [1 4 2], subsections for the object numbers in use.
	const xrefOffset = position;
	entries.set(xrefNumber, [1, xrefOffset, 0]);
	entries.set(0, [0, 0, 65535]);
	const numbers = [...entries.keys()].sort((a, b) => a - b);
	const subsections: number[] = [];
	for (const number of numbers) {
		if (subsections.length > 0 && subsections[subsections.length - 2]! + subsections[subsections.length - 1]! === number) subsections[subsections.length - 1]!++;
		else subsections.push(number, 1);
	}
	const table = Buffer.alloc(numbers.length * 7);
	numbers.forEach((number, i) => {
		const [type, two, three] = entries.get(number)!;
		table.writeUInt8(type, i * 7);
		table.writeUInt32BE(two, i * 7 + 1);
		table.writeUInt16BE(three, i * 7 + 5);
	});
	const xrefData = deflateSync(table);
	const { Root, Info, ID } = context.trailerInfo;
	const xref = PDFRawStream.of(
		context.obj({ Type: 'XRef', Size: xrefNumber + 1, Index: subsections, W: [1, 4, 2], Root, Info, ID, Filter: 'FlateDecode', Length: xrefData.length }) as PDFDict,
		xrefData,
	);
	write(latin1(`${xrefNumber} 0 obj\n`));
	write(bytesOf(xref));
	write(latin1('\nendobj\n\n'));
	write(latin1(`startxref\n${xrefOffset}\n%%EOF`));
	return Buffer.concat(chunks);
}
