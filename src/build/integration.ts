/**
 * The one build pipeline, as an Astro integration, so `astro build`, `rolebook build` and
 * `astro dev` make the same site:
 *   config done  (builds) the render-many stage (PDFs, Word files, link-preview cards) starts on worker
 *                threads and runs while Astro syncs, bundles and renders the pages, on the cores Astro leaves idle;
 *   build done   search index (Pagefind), then the rendered files linked at their URLs and the
 *                version-in-force pages linked to their role pages — nothing is rendered twice;
 *   dev server   PDFs, Word files and cards served from the same renderers, the content reloaded after
 *                every save.
 * `rolebook build` adds validation before, and the atomic swap of the output after.
 */
import { existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblem, isRolePageVersion, previewFromEnv, signsDocuments, today, versionedRoles, type Publication, type Rolebook } from '../model/index.ts';
import { claimLoading, contentGeneration, invalidateContent, liveRolebook } from '../model/live.ts';
import { signingCertificateFromEnv, UNSIGNED_NOTICE } from '../pdf/index.ts';
import { cardArtefacts, docxArtefacts, pdfArtefacts, siteArtefacts, type Artefact, type ArtefactKind } from './artefacts.ts';
import { codeHashes } from './code-hash.ts';
import { linkOrCopy } from './file-cache.ts';
import { publish, renderMany, summary, type RenderManyResult } from './render-many.ts';
import { rendererOf, type RenderContext } from './renderers.ts';
import { indexSite } from './search.ts';

/** Set to 1 to build pages and search only (a benchmark measures that part alone). */
export const SKIP_RENDER_MANY_ENV = 'ROLEBOOK_SKIP_RENDER_MANY';

/** Astro's dev server (Vite's), as the `astro:server:setup` hook receives it. */
type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** The dev server reloads the model this long after the last event of a save. */
const SAVE_SETTLES_MS = 10;

export interface RolebookIntegrationOptions {
	/** Content folder (default `$ROLEBOOK_CONTENT` or `content`). */
	contentDir?: string;
}

export function rolebookIntegration(options: RolebookIntegrationOptions = {}): AstroIntegration {
	let projectRoot = process.cwd();
	let publicDir = join(projectRoot, 'public');
	let stage: Promise<RenderManyResult | undefined> | undefined;
	let pagesWritten: () => void = () => undefined;
	let building = false;
	const cacheDir = () => join(projectRoot, '.rolebook', 'render-cache');
	const contentDir = resolve(options.contentDir ?? process.env.ROLEBOOK_CONTENT ?? 'content');

	return {
		name: 'rolebook',
		hooks: {
			'astro:config:setup': ({ command }) => {
				building = command === 'build';
			},

			// The render-many stage starts as soon as the build's configuration is known — before
			// Astro syncs content, bundles and renders the pages — so the workers have the most time
			// alongside it (the model is loaded here; `rolebook build` already holds it from check).
			'astro:config:done': ({ config, logger }) => {
				projectRoot = fileURLToPath(config.root);
				publicDir = fileURLToPath(config.publicDir);
				if (building) startRenderMany(logger);
			},

			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				pagesWritten();
				await indexSite(site, logger);
				linkRolePageVersions(loaded(), buildPublication(), site);
				const result = await stage;
				if (result) {
					publish(result, site, cacheDir());
					report(result, logger);
				}
			},

			'astro:server:setup': ({ server, logger }) => {
				devServer(server, logger);
			},
		},
	};

	function startRenderMany(logger: AstroIntegrationLogger): void {
		const rolebook = loaded();
		if (process.env[SKIP_RENDER_MANY_ENV] === '1') {
			logger.warn(`${SKIP_RENDER_MANY_ENV}=1: no PDFs and no link-preview images (pages and search only)`);
			return;
		}
		const publication = buildPublication();
		const certificate = signsDocuments(publication) ? signingCertificateFromEnv() : undefined;
		if (signsDocuments(publication) && !certificate) logger.info(UNSIGNED_NOTICE);
		else if (!signsDocuments(publication)) logger.info('PDFs are not digitally signed: preview output never is.');
		const artefacts = siteArtefacts(rolebook, publication, publicDir);
		// Started now, awaited when the pages are done: the workers render while Astro works.
		const pages = new Promise<void>((resolve) => (pagesWritten = resolve));
		stage = renderMany(artefacts, { context: { rolebook, ...(certificate ? { certificate } : {}) }, cacheDir: cacheDir(), projectRoot, lowPriorityUntil: pages });
		// Never an unhandled rejection while Astro works; the error is raised at build done.
		stage.catch(() => undefined);
	}

	/**
	 * The dev server. Content is not part of Vite's module graph: it is watched here; a save
	 * reloads the model at once (incrementally: src/model/live.ts), then tells Astro its routes'
	 * data changed (getStaticPaths runs again) and the browser to reload — once per burst of saves,
	 * when the new model is ready. PDFs, Word files and cards are rendered on request, from the
	 * same artefact list and renderers as the build.
	 */
	function devServer(server: DevServer, logger: AstroIntegrationLogger): void {
		// This module copy loads the model for the pages' copies too, so its memos serve every reload.
		claimLoading();
		const watched = [contentDir, join(projectRoot, 'src', 'i18n', 'strings'), join(projectRoot, 'templates')];
		server.watcher.add(watched);
		let reload: NodeJS.Timeout | undefined;
		// Each changed file's stamp as the last reload found it: one save can raise several events (the
		// truncation and the write of the file), some after the reload that already read the saved text.
		const reloadedAt = new Map<string, string>();
		const changed = new Set<string>();
		const onChange = (path: string) => {
			const absolute = resolve(path);
			if (!watched.some((folder) => absolute.startsWith(folder + sep))) return;
			if (reloadedAt.get(absolute) === fileStamp(absolute)) return;
			changed.add(absolute);
			invalidateContent();
			// Now, not after the reload: a request in between must not get the old model's routes.
			for (const environment of Object.values(server.environments)) if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
			clearTimeout(reload);
			// The events of one save (an editor's write, rename and change) come within milliseconds.
			reload = setTimeout(() => {
				for (const file of changed) reloadedAt.set(file, fileStamp(file));
				changed.clear();
				const { problems } = liveRolebook({ contentDir });
				const errors = problems.filter((problem) => problem.severity === 'error');
				if (errors.length > 0) logger.error(`content has errors; the pages show them until they are fixed:\n${errors.map(formatProblem).join('\n')}`);
				server.environments.client.hot.send({ type: 'full-reload', path: '*' });
			}, SAVE_SETTLES_MS);
		};
		server.watcher.on('change', onChange);
		server.watcher.on('add', onChange);
		server.watcher.on('unlink', onChange);

		const base = server.config.base.replace(/\/$/, '');
		// The artefacts of one kind (the part of `siteArtefacts` a request asks for) by path, per model.
		let artefacts: { generation: number; byKind: Map<ArtefactKind, Map<string, Artefact>> } | undefined;
		const artefactAt = (rolebook: Rolebook, kind: ArtefactKind, file: string): Artefact | undefined => {
			if (artefacts?.generation !== contentGeneration()) artefacts = { generation: contentGeneration(), byKind: new Map() };
			let byPath = artefacts.byKind.get(kind);
			if (!byPath) {
				byPath = new Map();
				const publication = buildPublication();
				const list = kind === 'pdf' ? pdfArtefacts(rolebook, publication) : kind === 'docx' ? docxArtefacts(rolebook, publication) : cardArtefacts(rolebook, publication, publicDir);
				for (const artefact of list) for (const path of artefact.files) byPath.set(path, artefact);
				artefacts.byKind.set(kind, byPath);
			}
			return byPath.get(file);
		};
		server.middlewares.use((request, response, next) => {
			const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
			const kind = ARTEFACT_EXTENSIONS[extname(path)];
			if (!path.startsWith(`${base}/`) || !kind || existsSync(join(publicDir, path.slice(base.length)))) return next();
			const { rolebook, problems } = liveRolebook({ contentDir });
			if (!rolebook) {
				// The page shows the same report; a PDF link must not look like a missing file.
				response.statusCode = 500;
				response.setHeader('Content-Type', 'text/plain; charset=utf-8');
				response.setHeader('Cache-Control', 'no-store');
				response.end(`Content has errors; run "npm run check" for the full report.\n${problems.filter((problem) => problem.severity === 'error').map(formatProblem).join('\n')}\n`);
				return;
			}
			const artefact = artefactAt(rolebook, kind, path.slice(base.length + 1));
			if (!artefact) return next();
			const context: RenderContext = { rolebook, codeHashes: codeHashes() };
			rendererOf(artefact)
				.render(artefact, context)
				.then((bytes) => send(response, artefact, bytes))
				.catch((error: Error) => {
					logger.error(`${path}: ${error.message}`);
					next(error);
				});
		});
	}

	function loaded(): Rolebook {
		const { rolebook, problems } = liveRolebook({ contentDir });
		if (rolebook) return rolebook;
		const report = problems.filter((problem) => problem.severity === 'error').map(formatProblem).join('\n');
		throw new Error(`Content has errors; run "npm run check" for the full report.\n${report}`);
	}
}

/** Changes when a file is written, replaced or removed. */
function fileStamp(path: string): string {
	const stats = statSync(path, { throwIfNoEntry: false });
	return stats ? `${stats.ino}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}` : 'missing';
}

/** This build as the environment asks for it (the CLI passes its own decision the same way). */
function buildPublication(): Publication {
	return { preview: previewFromEnv(), today: today() };
}

/** The version-in-force page of each role is its role page: the same file, at the versioned URL too. */
function linkRolePageVersions(rolebook: Rolebook, publication: Publication, site: string): void {
	for (const current of versionedRoles(rolebook, publication)) {
		if (!isRolePageVersion(current, current)) continue;
		for (const locale of rolebook.company.locales) {
			const page = join(site, locale, 'roles', current.id, 'index.html');
			if (existsSync(page)) linkOrCopy(page, join(site, locale, 'roles', current.id, `v${current.document.version}`, 'index.html'));
		}
	}
}

/** What the dev server renders on request, by the file's extension. */
const ARTEFACT_EXTENSIONS: Record<string, ArtefactKind | undefined> = { '.pdf': 'pdf', '.docx': 'docx', '.png': 'card' };

const CONTENT_TYPES: Record<Artefact['kind'], string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	card: 'image/png',
};

function send(response: ServerResponse, artefact: Artefact, bytes: Uint8Array): void {
	response.statusCode = 200;
	response.setHeader('Content-Type', CONTENT_TYPES[artefact.kind]);
	response.setHeader('Cache-Control', 'no-store');
	response.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function report(result: RenderManyResult, logger: AstroIntegrationLogger): void {
	const threads = result.workers ? ` on ${result.workers} threads` : '';
	const seconds = (result.ms / 1000).toFixed(1);
	const pdfs = summary(result, 'pdf');
	const docx = summary(result, 'docx');
	const cards = summary(result, 'card');
	const signed = pdfs.signed > 0 ? `, ${pdfs.signed} digitally signed` : '';
	logger.info(`✓ ${pdfs.files} PDF job descriptions (${pdfs.count} documents: ${pdfs.rendered} rendered${threads}, ${pdfs.fromCache} unchanged from the cache${signed})`);
	logger.info(`✓ ${docx.files} Word files (${docx.rendered} rendered, ${docx.fromCache} unchanged from the cache)`);
	const each = cards.rendered > 0 ? `, ${Math.round(cards.renderMs / cards.rendered)} ms each` : '';
	logger.info(`✓ ${cards.files} link-preview images (${cards.rendered} rendered${each}, ${cards.fromCache} unchanged from the cache); render-many stage ${seconds} s`);
}

