/**
 * Drawing: turns the laid-out document into PDF bytes with pdf-lib's document model — a tagged
 * PDF meant to be PDF/A-2a and PDF/UA-1. Fonts come from the custom embedder; page content is
 * written as deflated content streams (Node's zlib) in which every box is either marked
 * content of its structure element (an MCID) or an artifact; fields are widget dictionaries,
 * each the content of its Form element. Then the structure tree, the outline, the XMP
 * metadata and the output intent; writer.ts writes the file. Output is reproducible: no
 * wall-clock dates, a document ID from the content hash, fixed producer and creator.
 */
import { deflateSync } from 'node:zlib';
import { PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { embedSubset, type FontSubset } from '../embed.ts';
import { acroForm, fieldWriter } from '../fields.ts';
import type { ArtifactKind, Box, DocumentLayout, FaceName, FieldBox, Page } from '../layout/types.ts';
import type { DocumentModel } from '../model.ts';
import { signaturePlaceholder, type SignatureInfo } from '../sign.ts';
import { setMetadata, setOutputIntent } from './metadata.ts';
import { writeOutline } from './outline.ts';
import { drawRule, drawText, drawWatermark, type PlacedFonts } from './primitives.ts';
import { StructRecorder } from './structure.ts';
import { writePdf } from './writer.ts';

export { PRODUCER } from './metadata.ts';

export interface DrawInput {
	layout: DocumentLayout;
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

/** The artifact properties of each kind (ISO 32000-1, 14.8.2.2.2). */
const ARTIFACT: Record<ArtifactKind, string> = {
	header: '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
	footer: '/Artifact <</Type /Pagination /Subtype /Footer>> BDC',
	watermark: '/Artifact <</Type /Pagination /Subtype /Watermark>> BDC',
	pagination: '/Artifact <</Type /Pagination>> BDC',
	layout: '/Artifact <</Type /Layout>> BDC',
};

export async function drawDocument({ layout, model, subsets, documentId, signature }: DrawInput): Promise<Uint8Array> {
	const { pages, structure, outline } = layout;
	const doc = await PDFDocument.create({ updateMetadata: false });
	const context = doc.context;
	setMetadata(doc, model);

	const fonts: PlacedFonts = {
		regular: { resource: 'F1', subset: subsets.regular },
		bold: { resource: 'F2', subset: subsets.bold },
	};
	const fontRefs: Record<FaceName, PDFRef> = { regular: embedSubset(context, subsets.regular), bold: embedSubset(context, subsets.bold) };
	const resources = context.register(context.obj({ Font: { F1: fontRefs.regular, F2: fontRefs.bold }, ProcSet: ['PDF', 'Text'] }));

	const roles = new Map<number, string>();
	const collect = (node: DocumentLayout['structure']) => {
		roles.set(node.id, node.role);
		node.children.forEach(collect);
	};
	collect(structure);
	const recorder = new StructRecorder(pages.length);
	const fields = fieldWriter(context, fonts.regular, fontRefs.regular);
	const fieldRefs: PDFRef[] = [];
	const pageRefs: PDFRef[] = [];
	let signatureField: PDFRef | undefined;
	pages.forEach((layoutPage, index) => {
		const page = doc.addPage([layoutPage.width, layoutPage.height]);
		pageRefs.push(page.ref);
		page.node.set(PDFName.of('Resources'), resources);
		page.node.set(PDFName.of('StructParents'), context.obj(index));
		let annotated = false;
		// Fields are recorded where they are in the flow, so their Form elements keep reading order.
		const content = pageContent(layoutPage, index, fonts, recorder, roles, (box) => {
			const ref = context.nextRef();
			const signing = signature && box.name === signature.field && box.type === 'signature';
			fields.add(box, page.ref, layoutPage.height, {
				ref,
				...(box.tag !== undefined ? { structParent: recorder.annotation(box.tag, index, ref) } : {}),
				...(signing ? { value: signaturePlaceholder(context, signature) } : {}),
			});
			page.node.addAnnot(ref);
			fieldRefs.push(ref);
			annotated = true;
			if (signing) signatureField = ref;
		});
		page.node.set(PDFName.of('Contents'), contentStream(doc, content));
		// PDF/UA: the tab order of a page with annotations follows the structure.
		if (annotated) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
	});
	if (signature && !signatureField) {
		// A template without an approval block: sign in an invisible field of the same name, a Form element of its own.
		const form = { id: -1, role: 'Form' as const, children: [] };
		structure.children.push(form);
		const ref = context.nextRef();
		const box = { kind: 'field', type: 'signature', name: signature.field, label: `${model.labels.signature}: ${signature.name}`, x: 0, y: 0, width: 0, height: 0 } as const;
		fields.add(box, pageRefs[0]!, 0, { ref, structParent: recorder.annotation(form.id, 0, ref), value: signaturePlaceholder(context, signature) });
		doc.getPage(0).node.addAnnot(ref);
		doc.getPage(0).node.set(PDFName.of('Tabs'), PDFName.of('S'));
		fieldRefs.push(ref);
	}
	if (fieldRefs.length > 0) doc.catalog.set(PDFName.of('AcroForm'), acroForm(context, fieldRefs, fonts.regular.resource, fontRefs.regular, { signed: Boolean(signature) }));

	doc.catalog.set(PDFName.of('StructTreeRoot'), recorder.write(context, structure, pageRefs));
	doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
	const outlines = writeOutline(
		context,
		outline,
		pages.map((page, i) => ({ ref: pageRefs[i]!, height: page.height })),
		0,
	);
	if (outlines) {
		doc.catalog.set(PDFName.of('Outlines'), outlines);
		doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
	}
	doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).set(PDFName.of('DisplayDocTitle'), PDFBool.True);
	setOutputIntent(doc);

	const id = PDFHexString.of(documentId);
	context.trailerInfo.ID = context.obj([id, id]);
	await doc.flush();
	return writePdf(context);
}

/**
 * The page's operators: the watermark first (under everything), then text and rules, each
 * run of boxes of one structure element in one marked-content sequence with its MCID, each
 * run of artifacts of one kind in one artifact sequence.
 */
function pageContent(page: Page, index: number, fonts: PlacedFonts, recorder: StructRecorder, roles: Map<number, string>, onField: (box: FieldBox) => void): string {
	const ops: string[] = [];
	let open: string | undefined;
	const enter = (key: string, begin: () => string) => {
		if (open === key) return;
		if (open !== undefined) ops.push('EMC');
		ops.push(begin());
		open = key;
	};
	const draw = (box: Box, operators: string) => {
		if (box.tag !== undefined) {
			const tag = box.tag;
			enter(`tag:${tag}`, () => `/${roles.get(tag) ?? 'Span'} <</MCID ${recorder.mark(tag, index)}>> BDC`);
		} else {
			const kind = box.artifact ?? 'layout';
			enter(`artifact:${kind}`, () => ARTIFACT[kind]);
		}
		ops.push(operators);
	};
	for (const box of page.boxes) if (box.kind === 'watermark') draw(box, drawWatermark(box, page.height, fonts));
	for (const box of page.boxes) {
		if (box.kind === 'text') draw(box, drawText(box, page.height, fonts));
		else if (box.kind === 'rule') draw(box, drawRule(box, page.height));
		else if (box.kind === 'field') onField(box);
	}
	if (open !== undefined) ops.push('EMC');
	return ops.join('\n');
}

function contentStream(doc: PDFDocument, content: string): PDFRef {
	// Level 1: at the default level, deflating was the largest single cost of a document; this costs ~1.5 KB per file.
	const bytes = deflateSync(Buffer.from(content, 'latin1'), { level: 1 });
	const dict = doc.context.obj({ Filter: 'FlateDecode', Length: bytes.length }) as PDFDict;
	return doc.context.register(PDFRawStream.of(dict, bytes));
}
