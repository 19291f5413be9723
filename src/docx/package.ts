/**
 * Reproducible bytes for a DOCX package: the same content always gives the same file.
 * docx (the library) stamps the core properties with the clock and its zip entries with the
 * current local time; here the core properties are written from the content (the effective
 * date, or none), and the package is zipped with its parts in a fixed order
 * ([Content_Types].xml first, then by name), one fixed date and one compression level.
 *
 * Each part is deflated on its own (`zipPart`), so the parts every document shares — styles,
 * numbering, theme, settings… (see shapes.ts) — are deflated once per process and only the
 * document's own parts for each file. fflate deflates; fflate's `zipSync` cannot take parts that
 * are already deflated, so the zip container — local headers, central directory, end record — is
 * written here, laid out exactly as `zipSync` lays it out (the files are byte for byte what
 * `zipSync` gave with level 6).
 */
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';

export interface CoreProperties {
	title: string;
	subject: string;
	creator: string;
	keywords: string;
	revision: number;
	/** BCP 47 language of the text. */
	language: string;
	/** ISO date (the effective date) used as created and modified; omitted when there is none. */
	date?: string;
}

/** One part of the package, deflated, with what the zip headers say about it. */
export interface ZipPart {
	path: string;
	/** Bytes before deflating. */
	size: number;
	crc: number;
	deflated: Uint8Array;
}

/** 1980-01-01 00:00, the first date a zip can store, built from local parts so the time zone does not matter. */
const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);
/** ZIP_DATE as MS-DOS time (low half) and date (high half). */
const DOS_DATE_TIME =
	((ZIP_DATE.getFullYear() - 1980) << 25) | ((ZIP_DATE.getMonth() + 1) << 21) | (ZIP_DATE.getDate() << 16) | (ZIP_DATE.getHours() << 11) | (ZIP_DATE.getMinutes() << 5) | (ZIP_DATE.getSeconds() >> 1);
const LEVEL = 6;
const CORE_PATH = 'docProps/core.xml';

export function zipPart(path: string, data: Uint8Array | string): ZipPart {
	const bytes = typeof data === 'string' ? strToU8(data) : data;
	return { path, size: bytes.length, crc: crc32(bytes), deflated: deflateSync(bytes, { level: LEVEL }) };
}

/** The package: the given parts plus core properties written from `core`. */
export function reproduciblePackage(parts: readonly ZipPart[], core: CoreProperties): Uint8Array {
	const all = [...parts.filter((part) => part.path !== CORE_PATH), zipPart(CORE_PATH, corePropertiesXml(core))];
	all.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return zip(all);
}

/** [Content_Types].xml and the package relationships first, as Word writes them. */
function rank(name: string): number {
	if (name === '[Content_Types].xml') return 0;
	if (name === '_rels/.rels') return 1;
	return 2;
}

/** A zip of deflated entries (method 8, version 2.0, no data descriptors, no extra fields, no comments). */
function zip(parts: readonly ZipPart[]): Uint8Array {
	const names = parts.map((part) => strToU8(part.path));
	const local = parts.reduce((sum, part, i) => sum + 30 + names[i]!.length + part.deflated.length, 0);
	const central = parts.reduce((sum, _, i) => sum + 46 + names[i]!.length, 0);
	const out = new Uint8Array(local + central + 22);
	const view = new DataView(out.buffer);
	let at = 0;
	let centralAt = local;
	parts.forEach((part, i) => {
		const name = names[i]!;
		const offset = at;
		// Local file header.
		view.setUint32(at, 0x04034b50, true);
		writeEntryFields(view, at + 4, part, name.length);
		out.set(name, at + 30);
		out.set(part.deflated, at + 30 + name.length);
		at += 30 + name.length + part.deflated.length;
		// Central directory header: made by version 2.0 (MS-DOS), then the local header's fields.
		view.setUint32(centralAt, 0x02014b50, true);
		view.setUint16(centralAt + 4, 20, true);
		writeEntryFields(view, centralAt + 6, part, name.length);
		view.setUint32(centralAt + 42, offset, true);
		out.set(name, centralAt + 46);
		centralAt += 46 + name.length;
	});
	// End of central directory record.
	view.setUint32(centralAt, 0x06054b50, true);
	view.setUint16(centralAt + 8, parts.length, true);
	view.setUint16(centralAt + 10, parts.length, true);
	view.setUint32(centralAt + 12, central, true);
	view.setUint32(centralAt + 16, local, true);
	return out;
}

/** The fields local and central headers share: version needed, flags, method, time, CRC, sizes, name length. */
function writeEntryFields(view: DataView, at: number, part: ZipPart, nameLength: number): void {
	view.setUint16(at, 20, true);
	view.setUint16(at + 2, 0, true);
	view.setUint16(at + 4, 8, true);
	view.setUint32(at + 6, DOS_DATE_TIME, true);
	view.setUint32(at + 10, part.crc, true);
	view.setUint32(at + 14, part.deflated.length, true);
	view.setUint32(at + 18, part.size, true);
	view.setUint16(at + 22, nameLength, true);
}

function escapeXml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function corePropertiesXml(core: CoreProperties): string {
	const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
	const dates = core.date
		? `<dcterms:created xsi:type="dcterms:W3CDTF">${core.date}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${core.date}T00:00:00Z</dcterms:modified>`
		: '';
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
		'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
		element('dc:title', core.title) +
		element('dc:subject', core.subject) +
		element('dc:creator', core.creator) +
		element('cp:keywords', core.keywords) +
		element('dc:language', core.language) +
		element('cp:lastModifiedBy', 'Rolebook') +
		element('cp:revision', String(core.revision)) +
		dates +
		'</cp:coreProperties>'
	);
}
