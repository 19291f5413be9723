/**
 * Astro collections over the MDX files of `content/`, used to compile their bodies for the
 * web pages. All page data comes from the normalised model (src/site/rolebook.ts), never from
 * these entries: an entry is a body and its rendered HTML, nothing else.
 *
 * The files are read by Rolebook's own reader (src/model/source.ts: UTF-8 only, one YAML parser
 * with one set of options, one place that decides where the front matter ends), not by Astro's
 * glob loader, which would parse the front matter again with a different YAML parser (js-yaml).
 * Bodies are rendered to HTML here, as Markdown, and kept in the content store: `check` compiled
 * each one with the MDX compiler and rejected anything that is not plain Markdown (JSX,
 * expressions, imports, components, raw HTML), so the two agree, and thousands of bodies do not
 * become thousands of modules of the site's bundle.
 *
 * The front matter is not kept in the store (the entries' digest is of the body alone): Astro
 * serialises the whole store again after any entry changes, and the front matter was most of it
 * (6 of the 7 MB of a 3,000-text corpus), rewritten and read back after every save. So an edit of
 * the front matter leaves the store as it is and only the model reloads (src/model/live.ts); and
 * in `astro dev` a page shows a saved body before the store has it, rendered by the same function
 * (`renderBody`, through src/site/bodies.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { provideBodyRenderer, type RenderedBody } from './model/live.ts';
import { formatProblem, type Problem } from './model/problems.ts';
import { readSourceFile } from './model/source.ts';

const contentDir = process.env.ROLEBOOK_CONTENT ?? './content';

/** Bump when the entries made from unchanged files may change, so cached entries are made again. */
const READER_VERSION = 'rolebook-read-5';

/** Hidden files and folders are not content. */
const listed = (name: string) => !name.startsWith('.');

export const collections = {
	roleTexts: defineCollection({
		// <role>/<locale>.mdx and <role>/versions/<n>/<locale>.mdx; ids as paths: "key-account-manager/ru".
		loader: rolebookMdx('role-texts', `${contentDir}/roles`, {
			list: (base) =>
				subfolders(base).flatMap((role) => [
					...mdxFiles(join(base, role)),
					...subfolders(join(base, role, 'versions')).flatMap((version) => mdxFiles(join(base, role, 'versions', version))),
				]),
			includes: (parts) => (parts.length === 2 || (parts.length === 4 && parts[1] === 'versions')) && parts.every(listed),
		}),
	}),
	chapters: defineCollection({
		// <locale>/<slug>.mdx; ids "ru/how-pay-works".
		loader: rolebookMdx('chapters', `${contentDir}/handbook`, {
			list: (base) => subfolders(base).flatMap((locale) => mdxFiles(join(base, locale))),
			includes: (parts) => parts.length === 2 && parts.every(listed),
		}),
	}),
};

function visible(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter(listed).sort() : [];
}

function subfolders(dir: string): string[] {
	return visible(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}

function mdxFiles(dir: string): string[] {
	return visible(dir)
		.filter((name) => name.endsWith('.mdx') && statSync(join(dir, name)).isFile())
		.map((name) => join(dir, name));
}

interface Layout {
	/** Every entry file under the base folder. */
	list: (base: string) => string[];
	/** Whether an existing `.mdx` file, given as its path's parts below the base folder, is one `list` gives. */
	includes: (parts: string[]) => boolean;
}

/** A loader of MDX entries read by Rolebook's reader, their bodies rendered as Markdown. */
function rolebookMdx(name: string, baseDir: string, layout: Layout): Loader {
	return {
		name: `rolebook-${name}`,
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			const base = resolve(root, baseDir);
			await sync(context, root, base, layout.list(base));
			if (!context.watcher) return;
			// The dev server: a page may need a saved body before the store has it (src/site/bodies.ts).
			provideBodyRenderer((body, file) => renderBody(context, body, resolve(root, file)));
			context.watcher.add(base);
			// After a save only that file is read again (a 3,000-text site must not be re-read per keystroke).
			const resync = (path: string) => {
				const absolute = resolve(path);
				if (!absolute.endsWith('.mdx') || !absolute.startsWith(base + sep)) return;
				const id = entryId(base, absolute);
				if (!layout.includes(relative(base, absolute).split(sep)) || !statSync(absolute, { throwIfNoEntry: false })?.isFile()) {
					context.store.delete(id);
					return;
				}
				sync(context, root, base, [absolute], { partial: true }).catch((error: Error) => context.logger.error(error.message));
			};
			context.watcher.on('change', resync);
			context.watcher.on('add', resync);
			context.watcher.on('unlink', resync);
		},
	};
}

function entryId(base: string, absolute: string): string {
	return relative(base, absolute).split(sep).join('/').replace(/\.mdx$/, '');
}

/**
 * A body as the store keeps it: Markdown (check rejects JSX, expressions, imports and components
 * in it), rendered once, not compiled as one more module of the site's bundle. The leading line
 * break keeps a body that opens with "---" (a rule) from being taken for front matter.
 */
async function renderBody({ renderMarkdown }: Pick<LoaderContext, 'renderMarkdown'>, body: string, absolute: string): Promise<RenderedBody> {
	const rendered = await renderMarkdown(`\n${body}`, { fileURL: pathToFileURL(absolute) });
	return { ...rendered, html: rendered.html.replace(/\n$/, '') };
}

async function sync(context: LoaderContext, root: string, base: string, files: string[], options: { partial?: boolean } = {}): Promise<void> {
	const { store, generateDigest, logger, watcher } = context;
	// A full sync removes entries whose files are gone; a partial one (one saved file) keeps the rest.
	const untouched = new Set(options.partial ? [] : store.keys());
	const failed: Problem[] = [];
	for (const absolute of files) {
		const problems: Problem[] = [];
		// `check` compiled the body already; here only the body is needed.
		const source = readSourceFile(absolute, root, problems, { checkBody: false });
		if (!source || problems.some((problem) => problem.severity === 'error')) {
			failed.push(...problems);
			continue;
		}
		const id = entryId(base, absolute);
		untouched.delete(id);
		// Only the body: an edit of the front matter leaves the store as it is.
		const digest = generateDigest(`${READER_VERSION}\n${source.body}`);
		const existing = store.get(id);
		if (existing && existing.digest === digest && existing.filePath === source.file) continue;
		const rendered = await renderBody(context, source.body, absolute);
		// assetImports: local images go through Astro's image pipeline, as with its own loaders.
		const assetImports = rendered.metadata?.imagePaths ?? [];
		store.set({ id, data: {}, body: source.body, rendered, filePath: source.file, digest, ...(assetImports.length > 0 ? { assetImports } : {}) });
	}
	for (const id of untouched) store.delete(id);
	if (failed.length > 0) {
		const report = failed.map((problem) => formatProblem(problem)).join('\n');
		// A build only starts after `npm run check` passed, so this is content changed since, or `astro` run directly.
		if (!watcher) throw new Error(`content has problems; run "npm run check":\n${report}`);
		logger.error(`content has problems; run "npm run check":\n${report}`);
	}
}
