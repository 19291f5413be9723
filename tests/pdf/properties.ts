/**
 * The machine-checkable properties of PDF/A-2a and PDF/UA-1 that issue 11 lists, checked on any
 * PDF's bytes — ours, and Chromium's tagged print of the same page in `npm run bench:pdf`.
 * Objects are read with pdf-lib (no rendering), content streams with a small tokenizer, XMP
 * with @xmldom/xmldom. Each check is written like a validator rule: it names what violates it
 * (a page, a font, a widget…); a rule with nothing to check (no form fields, no table) holds.
 *
 * This is not veraPDF: it checks the listed properties, not the whole of ISO 19005-2 and
 * ISO 14289-1 (see README, "Archival and accessible PDFs").
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import {
	decodePDFRawStream,
	PDFArray,
	PDFBool,
	PDFDict,
	PDFDocument,
	PDFHexString,
	PDFName,
	PDFNumber,
	PDFObject,
	PDFRawStream,
	PDFRef,
	PDFStream,
	PDFString,
} from 'pdf-lib';

export type Standard = 'PDF/A-2a' | 'PDF/UA-1';

export interface PropertyResult {
	id: string;
	standard: Standard;
	name: string;
	ok: boolean;
	/** What violates the property, or what was found. */
	detail: string;
}

/** Standard structure types of ISO 32000-1 (14.8.4); anything else needs a RoleMap entry. */
const STANDARD_TYPES = new Set(
	(
		'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot ' +
		'Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
	).split(' '),
);

const NS = {
	pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
	pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
	dc: 'http://purl.org/dc/elements/1.1/',
	pdf: 'http://ns.adobe.com/pdf/1.3/',
	xmp: 'http://ns.adobe.com/xap/1.0/',
	rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};

interface StructElement {
	role: string;
	/** As written (/S), before the role map. */
	written: string;
	dict: PDFDict;
	children: StructElement[];
	/** MCIDs with their page (object ref string). */
	mcids: { page: string | undefined; mcid: number }[];
	/** Objects referenced through OBJR (widgets, links). */
	objects: string[];
}

/** Everything the checks read, gathered once. */
class Pdf {
	readonly catalog: PDFDict;
	readonly info: PDFDict | undefined;
	readonly pages: { ref: PDFRef; dict: PDFDict }[];
	readonly xmp: Element | undefined;
	readonly xmpError: string | undefined;
	readonly roots: StructElement[] = [];
	readonly elements: StructElement[] = [];
	readonly roleMap = new Map<string, string>();

	constructor(
		readonly doc: PDFDocument,
		readonly bytes: Uint8Array,
	) {
		this.catalog = doc.catalog;
		const info = doc.context.trailerInfo.Info;
		this.info = info ? this.dict(info) : undefined;
		this.pages = doc.getPages().map((page) => ({ ref: page.ref, dict: page.node }));
		const metadata = this.catalog.lookup(PDFName.of('Metadata'));
		if (metadata instanceof PDFRawStream) {
			try {
				const text = new TextDecoder().decode(this.streamBytes(metadata));
				const parsed = new DOMParser({
					onError: (level, message) => {
						if (level !== 'warning') throw new Error(message);
					},
				}).parseFromString(text, 'text/xml');
				this.xmp = parsed.documentElement ?? undefined;
			} catch (error) {
				this.xmpError = (error as Error).message;
			}
		}
		const tree = this.dict(this.catalog.get(PDFName.of('StructTreeRoot')));
		const roleMap = tree && this.dict(tree.get(PDFName.of('RoleMap')));
		for (const [key, value] of roleMap?.entries() ?? []) if (value instanceof PDFName) this.roleMap.set(key.decodeText(), value.decodeText());
		if (tree) for (const kid of this.array(tree.get(PDFName.of('K')))) this.walk(kid, undefined, this.roots, 0);
	}

	lookup(value: PDFObject | undefined): PDFObject | undefined {
		return value instanceof PDFRef ? this.doc.context.lookup(value) : value;
	}
	dict(value: PDFObject | undefined): PDFDict | undefined {
		const found = this.lookup(value);
		return found instanceof PDFDict ? found : found instanceof PDFStream ? found.dict : undefined;
	}
	array(value: PDFObject | undefined): PDFObject[] {
		const found = this.lookup(value);
		if (found === undefined) return [];
		return found instanceof PDFArray ? found.asArray() : [found];
	}
	name(dict: PDFDict | undefined, key: string): string | undefined {
		const value = this.lookup(dict?.get(PDFName.of(key)));
		return value instanceof PDFName ? value.decodeText() : undefined;
	}
	text(dict: PDFDict | undefined, key: string): string | undefined {
		const value = this.lookup(dict?.get(PDFName.of(key)));
		return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
	}
	streamBytes(stream: PDFRawStream): Uint8Array {
		return decodePDFRawStream(stream).decode();
	}

	private resolveRole(written: string): string {
		let role = written;
		for (let i = 0; i < 10 && !STANDARD_TYPES.has(role) && this.roleMap.has(role); i++) role = this.roleMap.get(role)!;
		return role;
	}

	private walk(value: PDFObject, page: string | undefined, into: StructElement[], depth: number): void {
		if (depth > 64) return;
		const dict = this.dict(value);
		if (!dict) return;
		const type = this.name(dict, 'Type');
		if (type === 'MCR' || type === 'OBJR') return; // handled by the parent
		const written = this.name(dict, 'S') ?? '';
		const pg = dict.get(PDFName.of('Pg'));
		const ownPage = pg instanceof PDFRef ? pg.toString() : page;
		const element: StructElement = { role: this.resolveRole(written), written, dict, children: [], mcids: [], objects: [] };
		into.push(element);
		this.elements.push(element);
		for (const kid of this.array(dict.get(PDFName.of('K')))) {
			if (kid instanceof PDFNumber) element.mcids.push({ page: ownPage, mcid: kid.asNumber() });
			else {
				const kidDict = this.dict(kid);
				const kidType = kidDict && this.name(kidDict, 'Type');
				if (kidType === 'MCR') {
					const kidPage = kidDict!.get(PDFName.of('Pg'));
					const mcid = this.lookup(kidDict!.get(PDFName.of('MCID')));
					if (mcid instanceof PDFNumber) element.mcids.push({ page: kidPage instanceof PDFRef ? kidPage.toString() : ownPage, mcid: mcid.asNumber() });
				} else if (kidType === 'OBJR') {
					const obj = kidDict!.get(PDFName.of('Obj'));
					if (obj instanceof PDFRef) element.objects.push(obj.toString());
				} else this.walk(kid, ownPage, element.children, depth + 1);
			}
		}
	}

	/** Every value of a number tree (ParentTree), by key. */
	numberTree(value: PDFObject | undefined, into = new Map<number, PDFObject>(), depth = 0): Map<number, PDFObject> {
		const node = this.dict(value);
		if (!node || depth > 32) return into;
		const nums = this.array(node.get(PDFName.of('Nums')));
		for (let i = 0; i + 1 < nums.length; i += 2) {
			const key = nums[i];
			if (key instanceof PDFNumber) into.set(key.asNumber(), nums[i + 1]!);
		}
		for (const kid of this.array(node.get(PDFName.of('Kids')))) this.numberTree(kid, into, depth + 1);
		return into;
	}

	xmpValues(namespace: string, local: string): string[] {
		if (!this.xmp) return [];
		const nodes = this.xmp.getElementsByTagNameNS(namespace, local);
		const values: string[] = [];
		for (let i = 0; i < nodes.length; i++) {
			const node = nodes.item(i)!;
			const items = node.getElementsByTagNameNS(NS.rdf, 'li');
			if (items.length > 0) for (let j = 0; j < items.length; j++) values.push(items.item(j)!.textContent ?? '');
			else values.push(node.textContent ?? '');
		}
		// Simple properties may also be written as attributes of rdf:Description.
		const descriptions = this.xmp.getElementsByTagNameNS(NS.rdf, 'Description');
		for (let i = 0; i < descriptions.length; i++) {
			const attribute = descriptions.item(i)!.getAttributeNS(namespace, local);
			if (attribute) values.push(attribute);
		}
		return values;
	}

	/** Widget annotations of every page, with the page they are on. */
	widgets(): { ref: PDFRef | undefined; dict: PDFDict; page: number }[] {
		const found: { ref: PDFRef | undefined; dict: PDFDict; page: number }[] = [];
		this.pages.forEach((page, index) => {
			for (const annot of this.array(page.dict.get(PDFName.of('Annots')))) {
				const dict = this.dict(annot);
				if (dict && this.name(dict, 'Subtype') === 'Widget') found.push({ ref: annot instanceof PDFRef ? annot : undefined, dict, page: index });
			}
		});
		return found;
	}

	/** Every font dictionary reachable from page, form XObject, appearance and AcroForm resources. */
	fonts(): { name: string; dict: PDFDict }[] {
		const fonts = new Map<PDFDict, string>();
		const seen = new Set<PDFObject>();
		const resources = (value: PDFObject | undefined) => {
			const dict = this.dict(value);
			if (!dict || seen.has(dict)) return;
			seen.add(dict);
			const fontDict = this.dict(dict.get(PDFName.of('Font')));
			for (const [key, font] of fontDict?.entries() ?? []) {
				const resolved = this.dict(font);
				if (resolved) fonts.set(resolved, key.decodeText());
			}
			for (const [, xobject] of this.dict(dict.get(PDFName.of('XObject')))?.entries() ?? []) {
				const stream = this.lookup(xobject);
				if (stream instanceof PDFStream) resources(stream.dict.get(PDFName.of('Resources')));
			}
		};
		const appearance = (value: PDFObject | undefined) => {
			const found = this.lookup(value);
			if (found instanceof PDFStream) resources(found.dict.get(PDFName.of('Resources')));
			else if (found instanceof PDFDict) for (const [, state] of found.entries()) appearance(state);
		};
		for (const page of this.pages) resources(page.dict.get(PDFName.of('Resources')) ?? page.dict.lookup(PDFName.of('Resources')));
		for (const widget of this.widgets()) for (const [, state] of this.dict(widget.dict.get(PDFName.of('AP')))?.entries() ?? []) appearance(state);
		resources(this.dict(this.catalog.get(PDFName.of('AcroForm')))?.get(PDFName.of('DR')));
		return [...fonts].map(([dict, name]) => ({ name: `${name} (${this.name(dict, 'BaseFont') ?? '?'})`, dict }));
	}
}

// ————— content streams —————

interface MarkedOp {
	operator: string;
	/** Marked-content sequences open around it: their tags and MCIDs. */
	marks: { tag: string; mcid?: number }[];
}

/** Painting and text-showing operators: content a reader meets. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

/** The painting operators of a content stream with the marked-content sequences around each. */
export function markedOperators(content: Uint8Array): MarkedOp[] {
	const text = Buffer.from(content).toString('latin1');
	const ops: MarkedOp[] = [];
	const stack: { tag: string; mcid?: number }[] = [];
	let operands: string[] = [];
	let i = 0;
	const n = text.length;
	const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
	const isDelimiter = (c: string) => '()<>[]{}/%'.includes(c);
	while (i < n) {
		const c = text[i]!;
		if (isSpace(c)) {
			i++;
		} else if (c === '%') {
			while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
		} else if (c === '(') {
			let depth = 0;
			const start = i;
			for (; i < n; i++) {
				const ch = text[i]!;
				if (ch === '\\') i++;
				else if (ch === '(') depth++;
				else if (ch === ')' && --depth === 0) break;
			}
			i++;
			operands.push(text.slice(start, i));
		} else if (c === '<' && text[i + 1] === '<') {
			let depth = 0;
			const start = i;
			while (i < n) {
				if (text[i] === '<' && text[i + 1] === '<') {
					depth++;
					i += 2;
				} else if (text[i] === '>' && text[i + 1] === '>') {
					depth--;
					i += 2;
					if (depth === 0) break;
				} else if (text[i] === '(') {
					let d = 0;
					for (; i < n; i++) {
						if (text[i] === '\\') i++;
						else if (text[i] === '(') d++;
						else if (text[i] === ')' && --d === 0) break;
					}
					i++;
				} else i++;
			}
			operands.push(text.slice(start, i));
		} else if (c === '<') {
			const end = text.indexOf('>', i);
			operands.push(text.slice(i, end + 1));
			i = end + 1;
		} else if (c === '[' || c === ']' || c === '{' || c === '}') {
			operands.push(c);
			i++;
		} else if (c === '/') {
			const start = i++;
			while (i < n && !isSpace(text[i]!) && !isDelimiter(text[i]!)) i++;
			operands.push(text.slice(start, i));
		} else {
			const start = i;
			while (i < n && !isSpace(text[i]!) && !isDelimiter(text[i]!)) i++;
			if (i === start) i++; // a stray delimiter
			const token = text.slice(start, i);
			if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || token === 'true' || token === 'false' || token === 'null') {
				operands.push(token);
				continue;
			}
			// An operator.
			if (token === 'BDC' || token === 'BMC') {
				const tag = (token === 'BDC' ? operands[operands.length - 2] : operands[operands.length - 1]) ?? '';
				const properties = token === 'BDC' ? (operands[operands.length - 1] ?? '') : '';
				const mcid = /\/MCID\s+(\d+)/.exec(properties);
				stack.push({ tag: tag.replace(/^\//, ''), ...(mcid ? { mcid: Number(mcid[1]) } : {}) });
			} else if (token === 'EMC') stack.pop();
			else if (token === 'BI') {
				// Inline image: skip to EI.
				const end = text.indexOf('EI', i);
				i = end < 0 ? n : end + 2;
				ops.push({ operator: 'BI', marks: [...stack] });
			} else if (PAINTING.has(token)) ops.push({ operator: token, marks: [...stack] });
			operands = [];
		}
	}
	return ops;
}

function pageContent(pdf: Pdf, page: PDFDict): Uint8Array {
	const parts: Uint8Array[] = [];
	for (const value of pdf.array(page.get(PDFName.of('Contents')))) {
		const stream = pdf.lookup(value);
		if (stream instanceof PDFRawStream) parts.push(pdf.streamBytes(stream), new Uint8Array([10]));
	}
	return Buffer.concat(parts);
}

// ————— the properties —————

type Check = (pdf: Pdf) => string[] | Promise<string[]>;

/** Parses "D:YYYYMMDDHHmmSS+HH'mm'" (PDF dates) to epoch ms. */
function pdfDate(text: string | undefined): number | undefined {
	const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(text ?? '');
	if (!match) return undefined;
	const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz, tzh = '00', tzm = '00'] = match;
	const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
	const offset = (Number(tzh) * 60 + Number(tzm)) * 60_000;
	return tz === '+' ? utc - offset : tz === '-' ? utc + offset : utc;
}

const isoDate = (text: string | undefined) => (text ? new Date(text).getTime() : undefined);

const PROPERTIES: { id: string; standard: Standard; name: string; check: Check }[] = [
	// ——— PDF/A-2a ———
	{
		id: 'A1',
		standard: 'PDF/A-2a',
		name: 'XMP metadata stream on the catalog (Type /Metadata, Subtype /XML, well-formed, not filtered)',
		check: (pdf) => {
			const stream = pdf.lookup(pdf.catalog.get(PDFName.of('Metadata')));
			if (!(stream instanceof PDFRawStream)) return ['no /Metadata stream'];
			const problems: string[] = [];
			if (pdf.name(stream.dict, 'Type') !== 'Metadata' || pdf.name(stream.dict, 'Subtype') !== 'XML') problems.push('not /Type /Metadata /Subtype /XML');
			if (stream.dict.has(PDFName.of('Filter'))) problems.push('filtered');
			if (!pdf.xmp) problems.push(`not well-formed XML: ${pdf.xmpError ?? 'no root'}`);
			return problems;
		},
	},
	{
		id: 'A2',
		standard: 'PDF/A-2a',
		name: 'pdfaid:part 2 (or 3) and pdfaid:conformance A',
		check: (pdf) => {
			const part = pdf.xmpValues(NS.pdfaid, 'part')[0];
			const conformance = pdf.xmpValues(NS.pdfaid, 'conformance')[0];
			return ['2', '3'].includes(part ?? '') && conformance === 'A' ? [] : [`part ${part ?? 'none'}, conformance ${conformance ?? 'none'}`];
		},
	},
	{
		id: 'A3',
		standard: 'PDF/A-2a',
		name: 'dc:title, equal to the Info /Title',
		check: (pdf) => {
			const title = pdf.xmpValues(NS.dc, 'title')[0];
			if (!title) return ['no dc:title'];
			const info = pdf.text(pdf.info, 'Title');
			return info === undefined || info === title ? [] : [`dc:title "${title}" ≠ Info /Title "${info}"`];
		},
	},
	{
		id: 'A4',
		standard: 'PDF/A-2a',
		name: 'dc:creator, equal to the Info /Author',
		check: (pdf) => {
			const creator = pdf.xmpValues(NS.dc, 'creator')[0];
			if (!creator) return ['no dc:creator'];
			const info = pdf.text(pdf.info, 'Author');
			return info === undefined || info === creator ? [] : [`dc:creator "${creator}" ≠ Info /Author "${info}"`];
		},
	},
	{
		id: 'A5',
		standard: 'PDF/A-2a',
		name: 'dc:language',
		check: (pdf) => (pdf.xmpValues(NS.dc, 'language').some((value) => value.trim() !== '') ? [] : ['no dc:language']),
	},
	{
		id: 'A6',
		standard: 'PDF/A-2a',
		name: 'xmp:CreateDate and xmp:ModifyDate equal to the Info /CreationDate and /ModDate',
		check: (pdf) => {
			if (!pdf.xmp) return ['no XMP'];
			const problems: string[] = [];
			for (const [infoKey, xmpKey] of [
				['CreationDate', 'CreateDate'],
				['ModDate', 'ModifyDate'],
			] as const) {
				const info = pdfDate(pdf.text(pdf.info, infoKey));
				const xmp = isoDate(pdf.xmpValues(NS.xmp, xmpKey)[0]);
				if (info !== xmp) problems.push(`Info /${infoKey} ${info ? new Date(info).toISOString() : 'none'} ≠ xmp:${xmpKey} ${xmp ? new Date(xmp).toISOString() : 'none'}`);
			}
			return problems;
		},
	},
	{
		id: 'A7',
		standard: 'PDF/A-2a',
		name: 'pdf:Producer, equal to the Info /Producer; the other Info entries (Subject, Keywords, Creator) mirrored in XMP',
		check: (pdf) => {
			const producer = pdf.xmpValues(NS.pdf, 'Producer')[0];
			if (!producer) return ['no pdf:Producer'];
			const problems: string[] = [];
			for (const [key, namespace, local] of [
				['Producer', NS.pdf, 'Producer'],
				['Subject', NS.dc, 'description'],
				['Keywords', NS.pdf, 'Keywords'],
				['Creator', NS.xmp, 'CreatorTool'],
			] as const) {
				const info = pdf.text(pdf.info, key);
				const xmp = pdf.xmpValues(namespace, local)[0];
				if (info !== undefined && info !== xmp) problems.push(`Info /${key} "${info}" ≠ XMP ${local} "${xmp ?? 'none'}"`);
			}
			return problems;
		},
	},
	{
		id: 'A8',
		standard: 'PDF/A-2a',
		name: 'output intent GTS_PDFA1 with an embedded ICC profile (RGB, display or output class, /N 3)',
		check: (pdf) => {
			const intents = pdf.array(pdf.catalog.get(PDFName.of('OutputIntents'))).map((value) => pdf.dict(value));
			const intent = intents.find((dict) => pdf.name(dict, 'S') === 'GTS_PDFA1');
			if (!intent) return ['no GTS_PDFA1 output intent'];
			const profile = pdf.lookup(intent.get(PDFName.of('DestOutputProfile')));
			if (!(profile instanceof PDFRawStream)) return ['no DestOutputProfile'];
			const bytes = pdf.streamBytes(profile);
			const ascii = (from: number) => Buffer.from(bytes.subarray(from, from + 4)).toString('latin1');
			const problems: string[] = [];
			if (ascii(36) !== 'acsp') problems.push('not an ICC profile');
			if (ascii(16) !== 'RGB ') problems.push(`colour space ${ascii(16)}`);
			if (!['mntr', 'prtr'].includes(ascii(12))) problems.push(`device class ${ascii(12)}`);
			if (bytes[8]! > 4) problems.push(`ICC version ${bytes[8]}`);
			const n = pdf.lookup(profile.dict.get(PDFName.of('N')));
			if (!(n instanceof PDFNumber) || n.asNumber() !== 3) problems.push('/N is not 3');
			if (Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0) !== bytes.length) problems.push('profile size does not match its header');
			return problems;
		},
	},
	{
		id: 'A9',
		standard: 'PDF/A-2a',
		name: 'document /ID in the trailer',
		check: (pdf) => (pdf.array(pdf.doc.context.trailerInfo.ID).length === 2 ? [] : ['no /ID with two strings']),
	},
	{
		id: 'A10',
		standard: 'PDF/A-2a',
		name: 'not encrypted',
		check: (pdf) => (pdf.doc.context.trailerInfo.Encrypt ? ['/Encrypt in the trailer'] : []),
	},
	{
		id: 'A11',
		standard: 'PDF/A-2a',
		name: 'no JavaScript (no /JS action, no JavaScript name tree)',
		check: (pdf) => {
			const problems: string[] = [];
			const names = pdf.dict(pdf.catalog.get(PDFName.of('Names')));
			if (names?.has(PDFName.of('JavaScript'))) problems.push('a JavaScript name tree');
			for (const [ref, object] of pdf.doc.context.enumerateIndirectObjects()) {
				const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
				if (dict && (pdf.name(dict, 'S') === 'JavaScript' || dict.has(PDFName.of('JS')))) problems.push(`a JavaScript action (${ref.toString()})`);
			}
			return problems;
		},
	},
	{
		id: 'A12',
		standard: 'PDF/A-2a',
		name: 'every font embedded',
		check: (pdf) =>
			pdf.fonts().flatMap(({ name, dict }) => {
				const subtype = pdf.name(dict, 'Subtype');
				if (subtype === 'Type3') return [];
				const font = subtype === 'Type0' ? pdf.dict(pdf.array(dict.get(PDFName.of('DescendantFonts')))[0]) : dict;
				const descriptor = pdf.dict(font?.get(PDFName.of('FontDescriptor')));
				const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
				return embedded ? [] : [`${name} is not embedded`];
			}),
	},
	{
		id: 'A13',
		standard: 'PDF/A-2a',
		name: 'every font has a ToUnicode map',
		check: (pdf) => pdf.fonts().flatMap(({ name, dict }) => (dict.has(PDFName.of('ToUnicode')) ? [] : [`${name} has no ToUnicode`])),
	},
	{
		id: 'A14',
		standard: 'PDF/A-2a',
		name: 'every form field widget has an appearance stream (/AP /N), and only /N',
		check: (pdf) =>
			pdf.widgets().flatMap(({ dict, page }) => {
				const ap = pdf.dict(dict.get(PDFName.of('AP')));
				const label = `widget ${pdf.text(dict, 'T') ?? '?'} on page ${page + 1}`;
				if (!ap?.has(PDFName.of('N'))) return [`${label} has no /AP /N`];
				return ap.has(PDFName.of('D')) || ap.has(PDFName.of('R')) ? [`${label} has /D or /R appearances`] : [];
			}),
	},
	{
		id: 'A15',
		standard: 'PDF/A-2a',
		name: 'no /NeedAppearances true',
		check: (pdf) => {
			const value = pdf.lookup(pdf.dict(pdf.catalog.get(PDFName.of('AcroForm')))?.get(PDFName.of('NeedAppearances')));
			return value instanceof PDFBool && value.asBoolean() ? ['/NeedAppearances true'] : [];
		},
	},
	{
		id: 'A16',
		standard: 'PDF/A-2a',
		name: 'signatures PDF/A-compatible: adbe.pkcs7.detached or ETSI.CAdES.detached, the byte range covering the whole file but /Contents',
		check: (pdf) =>
			pdf.widgets().flatMap(({ dict }) => {
				if (pdf.name(dict, 'FT') !== 'Sig') return [];
				const value = pdf.dict(dict.get(PDFName.of('V')));
				if (!value) return [];
				const name = pdf.text(dict, 'T') ?? '?';
				const subFilter = pdf.name(value, 'SubFilter');
				const problems: string[] = [];
				if (!['adbe.pkcs7.detached', 'ETSI.CAdES.detached'].includes(subFilter ?? '')) problems.push(`${name}: SubFilter ${subFilter}`);
				const range = pdf.array(value.get(PDFName.of('ByteRange'))).map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
				const [a, b, c, d] = range;
				if (range.length !== 4 || a !== 0 || c! + d! !== pdf.bytes.length || pdf.bytes[b!] !== 0x3c || pdf.bytes[c! - 1] !== 0x3e) problems.push(`${name}: byte range ${range.join(' ')} does not cover the file (${pdf.bytes.length} bytes) but the /Contents string`);
				return problems;
			}),
	},
	{
		id: 'A17',
		standard: 'PDF/A-2a',
		name: 'every annotation printable and not hidden (/F: Print set; Invisible, Hidden, NoView clear)',
		check: (pdf) =>
			pdf.pages.flatMap((page, index) =>
				pdf.array(page.dict.get(PDFName.of('Annots'))).flatMap((annot) => {
					const dict = pdf.dict(annot);
					if (!dict || pdf.name(dict, 'Subtype') === 'Popup') return [];
					const flags = pdf.lookup(dict.get(PDFName.of('F')));
					const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
					return (f & 4) === 0 || (f & (1 | 2 | 32)) !== 0 ? [`${pdf.name(dict, 'Subtype')} annotation on page ${index + 1}: /F ${f}`] : [];
				}),
			),
	},
	// ——— PDF/UA-1 ———
	{
		id: 'U1',
		standard: 'PDF/UA-1',
		name: 'pdfuaid:part 1',
		check: (pdf) => (pdf.xmpValues(NS.pdfuaid, 'part')[0] === '1' ? [] : ['no pdfuaid:part 1']),
	},
	{
		id: 'U2',
		standard: 'PDF/UA-1',
		name: '/MarkInfo << /Marked true >>',
		check: (pdf) => {
			const marked = pdf.lookup(pdf.dict(pdf.catalog.get(PDFName.of('MarkInfo')))?.get(PDFName.of('Marked')));
			return marked instanceof PDFBool && marked.asBoolean() ? [] : ['not marked'];
		},
	},
	{
		id: 'U3',
		standard: 'PDF/UA-1',
		name: 'a structure tree with a parent tree; every non-standard type role-mapped',
		check: (pdf) => {
			const tree = pdf.dict(pdf.catalog.get(PDFName.of('StructTreeRoot')));
			if (!tree) return ['no StructTreeRoot'];
			const problems: string[] = [];
			if (!tree.has(PDFName.of('ParentTree'))) problems.push('no ParentTree');
			if (pdf.elements.length === 0) problems.push('no structure elements');
			const unmapped = new Set(pdf.elements.filter((element) => !STANDARD_TYPES.has(element.role)).map((element) => element.written));
			if (unmapped.size > 0) problems.push(`types without a standard role: ${[...unmapped].join(', ')}`);
			return problems;
		},
	},
	{
		id: 'U4',
		standard: 'PDF/UA-1',
		name: '/Lang on the catalog',
		check: (pdf) => ((pdf.text(pdf.catalog, 'Lang') ?? '').trim() !== '' ? [] : ['no /Lang']),
	},
	{
		id: 'U5',
		standard: 'PDF/UA-1',
		name: '/ViewerPreferences << /DisplayDocTitle true >> (and dc:title set)',
		check: (pdf) => {
			const value = pdf.lookup(pdf.dict(pdf.catalog.get(PDFName.of('ViewerPreferences')))?.get(PDFName.of('DisplayDocTitle')));
			const problems = value instanceof PDFBool && value.asBoolean() ? [] : ['DisplayDocTitle not true'];
			if (!pdf.xmpValues(NS.dc, 'title')[0]) problems.push('no dc:title');
			return problems;
		},
	},
	{
		id: 'U6',
		standard: 'PDF/UA-1',
		name: 'headings: an H1 first, numbered heading levels never skipped',
		check: (pdf) => {
			const levels = pdf.elements.map((element) => /^H([1-6])$/.exec(element.role)).filter((match) => match !== null).map((match) => Number(match![1]));
			if (levels.length === 0) return ['no numbered headings'];
			const problems: string[] = [];
			if (levels[0] !== 1) problems.push(`the first heading is H${levels[0]}`);
			levels.forEach((level, i) => {
				if (i > 0 && level > levels[i - 1]! + 1) problems.push(`H${levels[i - 1]} followed by H${level}`);
			});
			return problems;
		},
	},
	{
		id: 'U7',
		standard: 'PDF/UA-1',
		name: 'lists: L holds LI (or Caption, L); LI holds Lbl and LBody',
		check: (pdf) =>
			pdf.elements.flatMap((element) => {
				if (element.role === 'L') {
					const bad = element.children.filter((child) => !['LI', 'Caption', 'L'].includes(child.role));
					return bad.length > 0 ? [`L contains ${bad.map((child) => child.role).join(', ')}`] : element.children.length === 0 ? ['an empty L'] : [];
				}
				if (element.role === 'LI') {
					const bad = element.children.filter((child) => !['Lbl', 'LBody'].includes(child.role));
					return bad.length > 0 ? [`LI contains ${bad.map((child) => child.role).join(', ')}`] : [];
				}
				return [];
			}),
	},
	{
		id: 'U8',
		standard: 'PDF/UA-1',
		name: 'tables: Table holds TR (directly or in THead/TBody/TFoot), TR holds TH/TD, every TH has /Scope',
		check: (pdf) =>
			pdf.elements.flatMap((element) => {
				const problems: string[] = [];
				if (element.role === 'Table') {
					const rows = element.children.flatMap((child) => (['THead', 'TBody', 'TFoot'].includes(child.role) ? child.children : [child]));
					const bad = rows.filter((row) => !['TR', 'Caption'].includes(row.role));
					if (bad.length > 0) problems.push(`Table contains ${bad.map((row) => row.role).join(', ')}`);
				}
				if (element.role === 'TR') {
					const bad = element.children.filter((cell) => !['TH', 'TD'].includes(cell.role));
					if (bad.length > 0) problems.push(`TR contains ${bad.map((cell) => cell.role).join(', ')}`);
				}
				if (element.role === 'TH') {
					const attributes = pdf.array(element.dict.get(PDFName.of('A'))).map((value) => pdf.dict(value));
					if (!attributes.some((dict) => pdf.name(dict, 'Scope'))) problems.push('a TH without /Scope');
				}
				return problems;
			}),
	},
	{
		id: 'U9',
		standard: 'PDF/UA-1',
		name: 'every form field widget: the content of a Form element (OBJR), with /StructParent and a /TU tooltip',
		check: (pdf) => {
			const inForm = new Set(pdf.elements.filter((element) => element.role === 'Form').flatMap((element) => element.objects));
			return pdf.widgets().flatMap(({ ref, dict, page }) => {
				const label = `widget ${pdf.text(dict, 'T') ?? '?'} on page ${page + 1}`;
				const problems: string[] = [];
				if (!ref || !inForm.has(ref.toString())) problems.push(`${label} is in no Form element`);
				if (!(pdf.lookup(dict.get(PDFName.of('StructParent'))) instanceof PDFNumber)) problems.push(`${label} has no /StructParent`);
				if (!(pdf.text(dict, 'TU') ?? '').trim()) problems.push(`${label} has no /TU`);
				return problems;
			});
		},
	},
	{
		id: 'U10',
		standard: 'PDF/UA-1',
		name: "every page's content marked: tagged with an MCID or an artifact",
		check: (pdf) =>
			pdf.pages.flatMap((page, index) => {
				const unmarked = markedOperators(pageContent(pdf, page.dict)).filter((op) => !op.marks.some((mark) => mark.tag === 'Artifact' || mark.mcid !== undefined));
				return unmarked.length > 0 ? [`page ${index + 1}: ${unmarked.length} painting operators outside marked content (${[...new Set(unmarked.map((op) => op.operator))].join(' ')})`] : [];
			}),
	},
	{
		id: 'U11',
		standard: 'PDF/UA-1',
		name: 'the parent tree maps every MCID of every page to the element that holds it',
		check: (pdf) => {
			const tree = pdf.dict(pdf.catalog.get(PDFName.of('StructTreeRoot')));
			if (!tree) return ['no StructTreeRoot'];
			const parents = pdf.numberTree(tree.get(PDFName.of('ParentTree')));
			const owner = new Map<string, PDFDict>();
			for (const element of pdf.elements) for (const { page, mcid } of element.mcids) owner.set(`${page}:${mcid}`, element.dict);
			return pdf.pages.flatMap((page, index) => {
				const mcids = markedOperators(pageContent(pdf, page.dict)).flatMap((op) => op.marks.flatMap((mark) => (mark.mcid !== undefined ? [mark.mcid] : [])));
				if (mcids.length === 0) return [];
				const key = pdf.lookup(page.dict.get(PDFName.of('StructParents')));
				if (!(key instanceof PDFNumber)) return [`page ${index + 1} has MCIDs but no /StructParents`];
				const list = pdf.array(parents.get(key.asNumber()));
				const wrong = [...new Set(mcids)].filter((mcid) => {
					const parent = pdf.dict(list[mcid]);
					return !parent || owner.get(`${page.ref.toString()}:${mcid}`) !== parent;
				});
				return wrong.length > 0 ? [`page ${index + 1}: MCIDs ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? '…' : ''} not mapped to their element`] : [];
			});
		},
	},
	{
		id: 'U12',
		standard: 'PDF/UA-1',
		name: '/Tabs /S on every page with annotations',
		check: (pdf) =>
			pdf.pages.flatMap((page, index) => (pdf.array(page.dict.get(PDFName.of('Annots'))).length > 0 && pdf.name(page.dict, 'Tabs') !== 'S' ? [`page ${index + 1}`] : [])),
	},
];

export const PROPERTY_LIST = PROPERTIES.map(({ id, standard, name }) => ({ id, standard, name }));

/** Every property, checked on `bytes`. */
export async function checkProperties(bytes: Uint8Array): Promise<PropertyResult[]> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
	const pdf = new Pdf(doc, bytes);
	const results: PropertyResult[] = [];
	for (const property of PROPERTIES) {
		let problems: string[];
		try {
			problems = await property.check(pdf);
		} catch (error) {
			problems = [`check failed: ${(error as Error).message}`];
		}
		results.push({ id: property.id, standard: property.standard, name: property.name, ok: problems.length === 0, detail: problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (+${problems.length - 3} more)` : '') });
	}
	return results;
}
