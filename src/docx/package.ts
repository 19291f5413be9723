/**
 * Reproducible bytes for a DOCX package: the same content always gives the same file.
 * docx (the library) stamps the core properties with the clock and its zip entries with the
 * current local time; here the core properties are written from the content (the effective
 * date, or none), and the package is zipped again with its parts in a fixed order
 * ([Content_Types].xml first, then by name), one fixed date and one compression level.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

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

/** 1980-01-01 00:00, the first date a zip can store, built from local parts so the time zone does not matter. */
const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);
const CORE_PATH = 'docProps/core.xml';

export function reproduciblePackage(parts: Record<string, Uint8Array>, core: CoreProperties): Uint8Array {
	const files = { ...parts };
	files[CORE_PATH] = strToU8(corePropertiesXml(core));
	const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
	const zippable: Zippable = {};
	for (const name of names) zippable[name] = [files[name]!, { mtime: ZIP_DATE, level: 6 }];
	return zipSync(zippable);
}

/** [Content_Types].xml and the package relationships first, as Word writes them. */
function rank(name: string): number {
	if (name === '[Content_Types].xml') return 0;
	if (name === '_rels/.rels') return 1;
	return 2;
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
