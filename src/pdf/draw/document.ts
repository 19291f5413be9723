/**
 * Drawing: turns laid-out pages into PDF bytes with pdf-lib's document model. Fonts come from
 * the custom embedder, page content is written as deflated content streams (Node's zlib),
 * fields as widget dictionaries. Output is reproducible: no wall-clock dates, a document ID
 * from the content hash, fixed producer and creator.
 */
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { embedSubset, type FontSubset } from '../embed.ts';
import { acroForm, fieldWriter } from '../fields.ts';
import type { FaceName, Page } from '../layout/types.ts';
import type { DocumentModel } from '../model.ts';
import { signaturePlaceholder, type SignatureInfo } from '../sign.ts';
import { drawRule, drawText, drawWatermark, type PlacedFonts } from './primitives.ts';

export const PRODUCER = 'Rolebook (pdf-lib)';

export interface DrawInput {
	pages: Page[];
	model: DocumentModel;
	subsets: Record<FaceName, FontSubset>;
	/** 32 hex digits identifying the content; becomes the trailer /ID. */
	documentId: string;
	/**
	 * Prepare a digital signature in this field (the approver's): a /Sig value with placeholders
	 * that `signPdfBytes` fills. Without a field of that name, an invisible one is added on page 1.
	 */
	signature?: SignatureInfo & { field: string };
}

export async function drawDocument({ pages, model, subsets, documentId, signature }: DrawInput): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	const context = doc.context;
	setMetadata(doc, model);

	const fonts: PlacedFonts = {
		regular: { resource: 'F1', subset: subsets.regular },
		bold: { resource: 'F2', subset: subsets.bold },
	};
	const fontRefs: Record<FaceName, PDFRef> = { regular: embedSubset(context, subsets.regular), bold: embedSubset(context, subsets.bold) };
	const resources = context.register(context.obj({ Font: { F1: fontRefs.regular, F2: fontRefs.bold }, ProcSet: ['PDF', 'Text'] }));

	const fields = fieldWriter(context, fonts.regular, fontRefs.regular);
	const fieldRefs: PDFRef[] = [];
	let signatureField: PDFRef | undefined;
	let firstPage: PDFRef | undefined;
	for (const layout of pages) {
		const page = doc.addPage([layout.width, layout.height]);
		page.node.set(PDFName.of('Resources'), resources);
		page.node.set(PDFName.of('Contents'), contentStream(doc, pageContent(layout, fonts)));
		for (const box of layout.boxes) {
			if (box.kind !== 'field') continue;
			const ref = fields.add(box, page.ref, layout.height);
			page.node.addAnnot(ref);
			fieldRefs.push(ref);
			if (signature && box.name === signature.field && box.type === 'signature') signatureField = ref;
		}
		firstPage ??= page.ref;
	}
	if (signature) {
		if (!signatureField) {
			// A template without an approval block: sign in an invisible field of the same name.
			signatureField = fields.add({ kind: 'field', type: 'signature', name: signature.field, label: signature.reason, x: 0, y: 0, width: 0, height: 0 }, firstPage!, 0);
			doc.getPage(0).node.addAnnot(signatureField);
			fieldRefs.push(signatureField);
		}
		context.lookup(signatureField, PDFDict).set(PDFName.of('V'), signaturePlaceholder(context, signature));
	}
	if (fieldRefs.length > 0) doc.catalog.set(PDFName.of('AcroForm'), acroForm(context, fieldRefs, fonts.regular.resource, fontRefs.regular, { signed: Boolean(signature) }));

	const id = PDFHexString.of(documentId);
	context.trailerInfo.ID = context.obj([id, id]);
	return doc.save({ useObjectStreams: true, objectsPerTick: Infinity, addDefaultPage: false, updateFieldAppearances: false });
}

/** The page's operators: the watermark first (under everything), then text and rules. */
function pageContent(page: Page, fonts: PlacedFonts): string {
	const ops: string[] = [];
	for (const box of page.boxes) if (box.kind === 'watermark') ops.push(drawWatermark(box, page.height, fonts));
	for (const box of page.boxes) {
		if (box.kind === 'text') ops.push(drawText(box, page.height, fonts));
		else if (box.kind === 'rule') ops.push(drawRule(box, page.height));
	}
	return ops.join('\n');
}

function contentStream(doc: PDFDocument, content: string): PDFRef {
	const bytes = deflateSync(Buffer.from(content, 'latin1'));
	const dict = doc.context.obj({ Filter: 'FlateDecode', Length: bytes.length }) as PDFDict;
	return doc.context.register(PDFRawStream.of(dict, bytes));
}

function setMetadata(doc: PDFDocument, model: DocumentModel): void {
	const { metadata } = model;
	doc.setTitle(metadata.title, { showInWindowTitleBar: true });
	doc.setAuthor(metadata.author);
	doc.setSubject(metadata.subject);
	doc.setKeywords(metadata.keywords);
	doc.setLanguage(model.locale);
	doc.setProducer(PRODUCER);
	doc.setCreator('Rolebook');
	if (metadata.date) {
		const date = new Date(`${metadata.date}T00:00:00Z`);
		doc.setCreationDate(date);
		doc.setModificationDate(date);
	}
}
