/**
 * Document-level metadata of an archival, accessible PDF: the Info dictionary and, saying the
 * same, the XMP metadata stream (PDF/A-2 6.6: dc:title, dc:creator, dc:description,
 * dc:language, pdf:Keywords, pdf:Producer, xmp:CreatorTool and dates equal to the Info
 * entries; pdfaid part 2 conformance A; pdfuaid part 1 — declared with a PDF/A extension
 * schema, as PDF/A requires for properties outside its predefined schemas), and the
 * output intent (GTS_PDFA1 with the sRGB profile of icc.ts).
 */
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFRawStream, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { SRGB_CONDITION, srgbProfile } from '../icc.ts';
import type { DocumentModel } from '../model.ts';

export const PRODUCER = 'Rolebook (pdf-lib)';
export const CREATOR = 'Rolebook';

/** The Info dictionary, and the XMP packet saying the same, on the catalog. */
export function setMetadata(doc: PDFDocument, model: DocumentModel): void {
	const { metadata } = model;
	doc.setTitle(metadata.title, { showInWindowTitleBar: true });
	doc.setAuthor(metadata.author);
	doc.setSubject(metadata.subject);
	doc.setKeywords(metadata.keywords);
	doc.setLanguage(model.locale);
	doc.setProducer(PRODUCER);
	doc.setCreator(CREATOR);
	const date = metadata.date ? new Date(`${metadata.date}T00:00:00Z`) : undefined;
	if (date) {
		doc.setCreationDate(date);
		doc.setModificationDate(date);
	}
	const xmp = new TextEncoder().encode(xmpPacket(model, date));
	// Not compressed: archival tools read the packet in place (and PDF/A-1 readers require it).
	const stream = PDFRawStream.of(doc.context.obj({ Type: 'Metadata', Subtype: 'XML', Length: xmp.length }) as PDFDict, xmp);
	doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XMP packet (ISO 16684-1) of the document. */
export function xmpPacket(model: DocumentModel, date: Date | undefined): string {
	const { metadata } = model;
	const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li></rdf:Alt>`;
	const xmpDate = date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
	return [
		'<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
		'<x:xmpmeta xmlns:x="adobe:ns:meta/">',
		'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
		'<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' +
			' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
		'<pdfaid:part>2</pdfaid:part>',
		'<pdfaid:conformance>A</pdfaid:conformance>',
		'<pdfuaid:part>1</pdfuaid:part>',
		`<dc:format>application/pdf</dc:format>`,
		`<dc:title>${alt(metadata.title)}</dc:title>`,
		`<dc:creator><rdf:Seq><rdf:li>${escape(metadata.author)}</rdf:li></rdf:Seq></dc:creator>`,
		`<dc:description>${alt(metadata.subject)}</dc:description>`,
		`<dc:language><rdf:Bag><rdf:li>${escape(model.locale)}</rdf:li></rdf:Bag></dc:language>`,
		`<pdf:Keywords>${escape(metadata.keywords.join(' '))}</pdf:Keywords>`,
		`<pdf:Producer>${escape(PRODUCER)}</pdf:Producer>`,
		`<xmp:CreatorTool>${escape(CREATOR)}</xmp:CreatorTool>`,
		...(xmpDate ? [`<xmp:CreateDate>${xmpDate}</xmp:CreateDate>`, `<xmp:ModifyDate>${xmpDate}</xmp:ModifyDate>`, `<xmp:MetadataDate>${xmpDate}</xmp:MetadataDate>`] : []),
		'</rdf:Description>',
		'<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
		'<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
		'<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
		'<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
		'<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
		'<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
		'<pdfaProperty:name>part</pdfaProperty:name>',
		'<pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
		'<pdfaProperty:category>internal</pdfaProperty:category>',
		'<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
		'</rdf:li></rdf:Seq></pdfaSchema:property>',
		'</rdf:li></rdf:Bag></pdfaExtension:schemas>',
		'</rdf:Description>',
		'</rdf:RDF>',
		'</x:xmpmeta>',
		'<?xpacket end="r"?>',
	].join('\n');
}

let profileBytes: Uint8Array | undefined;

/** /OutputIntents: GTS_PDFA1 with the embedded sRGB profile (the colour all our DeviceGray drawing is rendered for). */
export function setOutputIntent(doc: PDFDocument): void {
	const { context } = doc;
	const icc = srgbProfile();
	profileBytes ??= deflateSync(icc, { level: 9 });
	const profile: PDFRef = context.register(PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode', Length: profileBytes.length }) as PDFDict, profileBytes));
	const intent = context.obj({
		Type: 'OutputIntent',
		S: 'GTS_PDFA1',
		OutputConditionIdentifier: PDFString.of(SRGB_CONDITION),
		Info: PDFString.of(SRGB_CONDITION),
		RegistryName: PDFString.of('http://www.color.org'),
		DestOutputProfile: profile,
	});
	doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
}
