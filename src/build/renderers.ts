/**
 * How each kind of artefact is identified and rendered: the same functions serve the build's
 * worker threads, `rolebook pdf`, and the dev server. A key covers everything the bytes depend
 * on — the artefact's content and the renderer's code (`codeHashes`, computed once by the
 * main thread: bundled workers cannot see the source folders) — so an unchanged key is an
 * unchanged file.
 */
import { createHash } from 'node:crypto';
import { renderCard } from '../og/card.ts';
import { docxContentKey, renderRoleDocx } from '../docx/index.ts';
import { pdfIdentity, renderRolePdf, type SigningCertificate } from '../pdf/index.ts';
import type { Role, Rolebook } from '../model/index.ts';
import type { Artefact, ArtefactKind, CardArtefact, DocxArtefact, PdfArtefact } from './artefacts.ts';
import { FileCache } from './file-cache.ts';

export interface RenderContext {
	rolebook: Rolebook;
	/** Approved PDFs are signed with it when given (public builds only). */
	certificate?: SigningCertificate;
	/** Hash of each renderer's code, fonts and library versions (see `codeHashes` in code-hash.ts). */
	codeHashes: Record<ArtefactKind, string>;
}

export interface Renderer<A extends Artefact> {
	extension: string;
	key(artefact: A, context: RenderContext): { key: string; signed: boolean };
	render(artefact: A, context: RenderContext): Promise<Uint8Array>;
}

/** The role version a PDF artefact prints. */
export function roleVersion(rolebook: Rolebook, roleId: string, version: number): Role {
	const current = rolebook.roles.find((role) => role.id === roleId);
	const role = current && [current, ...current.history].find((candidate) => candidate.document.version === version);
	if (!role) throw new Error(`no version ${version} of role "${roleId}"`);
	return role;
}

const pdf: Renderer<PdfArtefact> = {
	extension: '.pdf',
	key: (artefact, { rolebook, certificate, codeHashes }) =>
		pdfIdentity(rolebook, roleVersion(rolebook, artefact.roleId, artefact.version), artefact.locale, options(artefact, certificate), codeHashes.pdf),
	render: (artefact, { rolebook, certificate }) => renderRolePdf(rolebook, roleVersion(rolebook, artefact.roleId, artefact.version), artefact.locale, options(artefact, certificate)),
};

function options(artefact: PdfArtefact, certificate: SigningCertificate | undefined) {
	return { ...(artefact.holders ? { holders: artefact.holders } : {}), ...(certificate ? { certificate } : {}) };
}

const docx: Renderer<DocxArtefact> = {
	extension: '.docx',
	key: (artefact, { rolebook, codeHashes }) => {
		const content = docxContentKey(rolebook, roleVersion(rolebook, artefact.roleId, artefact.version), artefact.locale, artefact.holders ? { holders: artefact.holders } : {});
		return { key: createHash('sha256').update(codeHashes.docx).update(content).digest('hex').slice(0, 40), signed: false };
	},
	render: (artefact, { rolebook }) => renderRoleDocx(rolebook, roleVersion(rolebook, artefact.roleId, artefact.version), artefact.locale, artefact.holders ? { holders: artefact.holders } : {}),
};

const card: Renderer<CardArtefact> = {
	extension: '.png',
	key: (artefact, { codeHashes }) => ({ key: createHash('sha256').update(codeHashes.card).update(JSON.stringify(artefact.card)).digest('hex').slice(0, 40), signed: false }),
	render: (artefact) => renderCard(artefact.card),
};

export const RENDERERS: { [K in ArtefactKind]: Renderer<Extract<Artefact, { kind: K }>> } = { pdf, docx, card };

export function rendererOf<A extends Artefact>(artefact: A): Renderer<A> {
	return RENDERERS[artefact.kind] as unknown as Renderer<A>;
}

/** What rendering one artefact gave: its key, and whether it was rendered now or already cached. */
export type JobReport = { index: number; key: string; signed: boolean; rendered: boolean; ms: number } | { index: number; error: string };

/** Caches by file extension, one folder: what a thread or the main thread renders into. */
export class ArtefactCaches {
	private readonly caches = new Map<string, FileCache>();
	constructor(readonly dir: string) {}
	for(extension: string): FileCache {
		let cache = this.caches.get(extension);
		if (!cache) this.caches.set(extension, (cache = new FileCache(this.dir, extension)));
		return cache;
	}
}

/** Renders one artefact into the cache unless its key is there already. */
export async function renderArtefact(index: number, artefact: Artefact, context: RenderContext, caches: ArtefactCaches): Promise<JobReport & { fresh?: Uint8Array }> {
	const started = performance.now();
	try {
		const renderer = rendererOf(artefact);
		const { key, signed } = renderer.key(artefact, context);
		const cache = caches.for(renderer.extension);
		if (cache.touch(key)) return { index, key, signed, rendered: false, ms: performance.now() - started };
		const bytes = await renderer.render(artefact, context);
		cache.store(key, bytes);
		return { index, key, signed, rendered: true, ms: performance.now() - started, fresh: bytes };
	} catch (error) {
		return { index, error: (error as Error).message };
	}
}
