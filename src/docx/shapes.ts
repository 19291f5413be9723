/**
 * docx's XML, written once per shape and filled in for every document.
 *
 * Measured on the 990-role corpus, building docx's object model and serialising it was ~¾ of an
 * export (≈10 of 13 ms: every paragraph an object tree, turned into plain objects, then into a
 * string — and styles, numbering, theme and settings written again for every file), deflating
 * its 21 parts most of the rest. Yet the documents differ only in their texts: an item paragraph
 * at list level 2 with a bookmark is the same XML in every file except for the item's text, the
 * bookmark's name and its id. So a document is described as a list of pieces — a shape (which
 * builder, with which parameters) and the values that go in it — and docx writes each shape once
 * per process, with marker strings ("holes") where the values go. Every later piece of that shape
 * is that XML with its values put in the holes, escaped as docx escapes them. The parts that do
 * not depend on the values (styles.xml, numbering.xml, theme, settings, fontTable, relationships,
 * content types, notes) are written and deflated once per document shape (page, font size,
 * language, options).
 *
 * So docx still writes every byte of WordprocessingML, from the same objects as before, and the
 * files are byte for byte what docx gives when it writes the whole document in one go
 * (`partsAtOnce`; tests/docx/export.test.ts compares every shipped role and locale). A builder
 * must use only its parameters and its holes — anything else it read would be frozen into the
 * first document's XML.
 */
import { Packer, Paragraph, TextRun, type Document, type Table } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { reproduciblePackage, zipPart, type CoreProperties, type ZipPart } from './package.ts';

export type Block = Paragraph | Table;

/** One run of the document: docx builds it from its shape; the values are what differ between documents. */
export interface Piece {
	shape: Shape;
	/** The shape's parameters as JSON: equal shape and parameters, equal XML apart from the values. */
	params: string;
	values: readonly string[];
	/** The paragraphs and tables, with `holes[i]` wherever `values[i]` goes. */
	build(holes: readonly string[]): Block[];
}

interface Shape {
	/** For messages. */
	name: string;
	/** A paragraph of it is in the document's numbered list (numbering.xml then defines the list's instance). */
	numbered: boolean;
	/** The XML docx wrote for each set of parameters, in this process. */
	fragments: Map<string, Fragment>;
}

/**
 * A kind of piece. `build` sees only its parameters (JSON, part of the key) and the holes; it is
 * called once per process for each distinct `params`. The XML is kept with the shape, so a
 * reloaded module (the dev server) starts afresh.
 */
export function shape<P, V extends readonly string[]>(name: string, build: (params: P, holes: V) => Block[], options: { numbered?: boolean } = {}) {
	const kind: Shape = { name, numbered: options.numbered ?? false, fragments: new Map() };
	return (params: P, values: V): Piece => ({ shape: kind, params: JSON.stringify(params), values, build: (holes) => build(params, holes as unknown as V) });
}

const fragmentOf = (piece: Piece) => piece.shape.fragments.get(piece.params);

/** What a document is made of: the pieces of each story and the custom property values. */
export interface Layout<S> {
	/** Everything the package depends on apart from the pieces and properties: page, fonts, language, options (JSON). */
	shape: S;
	body: readonly Piece[];
	header: readonly Piece[];
	footer: readonly Piece[];
	/** Custom document properties, in the order `DocumentBuilder` writes them. */
	properties: readonly string[];
}

/** Builds docx's document for a shape with the given stories and property values (holes when the shapes are written). */
export type DocumentBuilder<S> = (shape: S, content: { body: Block[]; header: Block[]; footer: Block[]; properties: readonly string[] }) => Document;

/** The package for a layout, reproducible: see package.ts. */
export async function writeDocx<S>(layout: Layout<S>, build: DocumentBuilder<S>, core: CoreProperties): Promise<Uint8Array> {
	const shapeKey = JSON.stringify(layout.shape);
	const frames = framesOf(build);
	let frame = frames.get(shapeKey);
	if (!frame) {
		// The first document of this shape: its constant parts must be those of a real document
		// (numbering.xml, for one, lists the list instance only when a paragraph uses it), so all
		// the document's own pieces, one of each shape, are written with it.
		frame = await writeShapes(layout, build, (pieces) => distinct(pieces));
		frames.set(shapeKey, frame);
	} else if ([layout.body, layout.header, layout.footer].some((story) => story.some((piece) => !fragmentOf(piece)))) {
		await writeShapes(layout, build, (pieces) => distinct(pieces).filter((piece) => !fragmentOf(piece)));
	}
	const story = (ends: readonly [string, string], pieces: readonly Piece[]) => {
		const out = [ends[0]];
		for (const piece of pieces) fragmentOf(piece)!.fill(piece.values, out);
		out.push(ends[1]);
		return out.join('');
	};
	const properties: string[] = [];
	frame.properties.fill(layout.properties, properties);
	return reproduciblePackage(
		[
			...frame.constant,
			zipPart(DOCUMENT, story(frame.document, layout.body)),
			zipPart(HEADER, story(frame.header, layout.header)),
			zipPart(FOOTER, story(frame.footer, layout.footer)),
			zipPart(CUSTOM, properties.join('')),
		],
		core,
	);
}

/**
 * docx's parts for the layout written in one go, every value in place and no shape reused: what
 * `writeDocx` must give byte for byte (the tests compare).
 */
export async function partsAtOnce<S>(layout: Layout<S>, build: DocumentBuilder<S>): Promise<Map<string, string | Uint8Array>> {
	const built = (pieces: readonly Piece[]) => pieces.flatMap((piece) => piece.build(piece.values));
	return compiledParts(build(layout.shape, { body: built(layout.body), header: built(layout.header), footer: built(layout.footer), properties: layout.properties }));
}

const DOCUMENT = 'word/document.xml';
const HEADER = 'word/header1.xml';
const FOOTER = 'word/footer1.xml';
const CUSTOM = 'docProps/custom.xml';
const CORE = 'docProps/core.xml';

/** Private-use characters: holes are "\uE000<index>\uE001"; the marker paragraph between pieces holds "\uE002". */
const hole = (index: number) => `\uE000${index}\uE001`;
const HOLE = /\uE000(\d+)\uE001/g;
const MARK = '\uE002';
const UNFILLED = /[\uE000-\uE002]/;

/** XML with holes: texts[0], value, texts[1], value, … texts[n]. */
class Fragment {
	private readonly texts: string[] = [];
	private readonly slots: number[] = [];

	constructor(xml: string, what: string) {
		let last = 0;
		for (const match of xml.matchAll(HOLE)) {
			this.texts.push(xml.slice(last, match.index));
			this.slots.push(Number(match[1]));
			last = match.index + match[0].length;
		}
		this.texts.push(xml.slice(last));
		if (this.texts.some((text) => UNFILLED.test(text))) throw new Error(`${what}: docx changed a hole's marker, so its value cannot be filled in: ${xml.slice(0, 200)}`);
	}

	fill(values: readonly string[], out: string[]): void {
		const { texts, slots } = this;
		out.push(texts[0]!);
		for (let i = 0; i < slots.length; i++) out.push(escapeXml(values[slots[i]!]!), texts[i + 1]!);
	}
}

/** What one document shape gives every document: the stories' opening and closing XML, the property part, the constant parts. */
interface Frame {
	document: readonly [string, string];
	header: readonly [string, string];
	footer: readonly [string, string];
	properties: Fragment;
	constant: ZipPart[];
}

/** Frames by document builder (a reloaded module starts afresh), then by document shape. */
const framesByBuilder = new WeakMap<object, Map<string, Frame>>();
function framesOf(build: object): Map<string, Frame> {
	let frames = framesByBuilder.get(build);
	if (!frames) framesByBuilder.set(build, (frames = new Map()));
	return frames;
}

function distinct(pieces: readonly Piece[]): Piece[] {
	const seen = new Map<Shape, Set<string>>();
	const out: Piece[] = [];
	for (const piece of pieces) {
		let params = seen.get(piece.shape);
		if (!params) seen.set(piece.shape, (params = new Set()));
		if (params.has(piece.params)) continue;
		params.add(piece.params);
		out.push(piece);
	}
	return out;
}

/**
 * Has docx write a document of the layout's shape holding the pieces `choose` picks from each
 * story — each with holes for its values, marker paragraphs before, between and after them — and
 * keeps each piece's XML. Returns the frame around the stories and the parts that are the same
 * for every document of the shape.
 */
async function writeShapes<S>(layout: Layout<S>, build: DocumentBuilder<S>, choose: (pieces: readonly Piece[]) => Piece[]): Promise<Frame> {
	const stories = { body: choose(layout.body), header: choose(layout.header), footer: choose(layout.footer) };
	const marked = (pieces: readonly Piece[]) => [marker(), ...pieces.flatMap((piece) => [...piece.build(piece.values.map((_, i) => hole(i))), marker()])];
	const document = build(layout.shape, {
		body: marked(stories.body),
		header: marked(stories.header),
		footer: marked(stories.footer),
		properties: layout.properties.map((_, i) => hole(i)),
	});
	const parts = await compiledParts(document);
	const text = (path: string) => {
		const data = parts.get(path);
		if (data === undefined) throw new Error(`docx wrote no ${path}`);
		return typeof data === 'string' ? data : strFromU8(data);
	};
	/** Keeps the XML between the markers as the pieces' fragments; returns what comes before and after. */
	const split = (path: string, pieces: readonly Piece[]): readonly [string, string] => {
		const xml = text(path);
		const at = xml.indexOf(MARK);
		const markerXml = xml.slice(xml.lastIndexOf('<w:p>', at), xml.indexOf('</w:p>', at) + '</w:p>'.length);
		const between = xml.split(markerXml);
		if (between.length !== pieces.length + 2) throw new Error(`${path}: expected ${pieces.length + 1} marker paragraphs, found ${between.length - 1}`);
		pieces.forEach((piece, i) => piece.shape.fragments.set(piece.params, new Fragment(between[i + 1]!, `shape ${piece.shape.name}`)));
		return [between[0]!, between[between.length - 1]!];
	};
	const constant: ZipPart[] = [];
	for (const [path, data] of parts) {
		if (path === DOCUMENT || path === HEADER || path === FOOTER || path === CUSTOM || path === CORE) continue;
		if (typeof data === 'string' && UNFILLED.test(data)) throw new Error(`docx wrote a value into ${path}, which is kept for every document of the shape`);
		constant.push(zipPart(path, data));
	}
	return {
		document: split(DOCUMENT, stories.body),
		header: split(HEADER, stories.header),
		footer: split(FOOTER, stories.footer),
		properties: new Fragment(text(CUSTOM), CUSTOM),
		constant,
	};
}

function marker(): Paragraph {
	return new Paragraph({ children: [new TextRun(MARK)] });
}

/**
 * The package's parts by path, unzipped. docx's own compiler gives them directly; its `compiler`
 * is not part of docx's documented API, so an upgrade that drops it falls back to zipping with
 * Packer and reading the parts back.
 */
async function compiledParts(document: Document): Promise<Map<string, string | Uint8Array>> {
	const compiler = (Packer as unknown as { compiler?: { compile(file: unknown, prettify: undefined, overrides: unknown[]): Map<string, string | Uint8Array> } }).compiler;
	if (compiler) return compiler.compile(document, undefined, []);
	return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(document)))));
}

/** docx's escaping of text and attribute values (its `escapeAll`): the five XML entities; control characters XML cannot hold are dropped. */
function escapeXml(value: string): string {
	return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

