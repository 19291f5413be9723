/**
 * Astro collections over the MDX files of `content/`, used to compile their bodies for the
 * web pages. All page data comes from the normalised model (src/site/rolebook.ts), never from
 * these entries.
 *
 * The entries' front matter is read by Rolebook's own reader (src/model/source.ts: UTF-8 only,
 * one YAML parser with one set of options), not by Astro's glob loader, which would parse it
 * again with a different YAML parser (js-yaml) and could accept or reject what `check` does not.
 * Bodies are rendered to HTML here, as Markdown, and kept in the content store: `check` compiled
 * each one with the MDX compiler and rejected anything that is not plain Markdown (JSX,
 * expressions, imports, components, raw HTML), so the two agree, and thousands of bodies do not
 * become thousands of modules of the site's bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblem, type Problem } from './model/problems.ts';
import { chapterSchema, roleTextSchema } from './model/schema/index.ts';
import { readSourceFile } from './model/source.ts';

const contentDir = process.env.ROLEBOOK_CONTENT ?? './content';

/** Bump when the reader's output for unchanged files may change, so cached entries are re-read. */
const READER_VERSION = 'rolebook-read-4';

export const collections = {
	roleTexts: defineCollection({
		// <role>/<locale>.mdx and <role>/versions/<n>/<locale>.mdx; ids as paths: "key-account-manager/ru".
		loader: rolebookMdx('role-texts', `${contentDir}/roles`, (base) =>
			subfolders(base).flatMap((role) => [
				...mdxFiles(join(base, role)),
				...subfolders(join(base, role, 'versions')).flatMap((version) => mdxFiles(join(base, role, 'versions', version))),
			]),
		),
		schema: roleTextSchema,
	}),
	chapters: defineCollection({
		// <locale>/<slug>.mdx; ids "ru/how-pay-works".
		loader: rolebookMdx('chapters', `${contentDir}/handbook`, (base) => subfolders(base).flatMap((locale) => mdxFiles(join(base, locale)))),
		schema: chapterSchema,
	}),
};

function visible(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

function subfolders(dir: string): string[] {
	return visible(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}

function mdxFiles(dir: string): string[] {
	return visible(dir)
		.filter((name) => name.endsWith('.mdx') && statSync(join(dir, name)).isFile())
		.map((name) => join(dir, name));
}

/** A loader of MDX entries whose data comes from Rolebook's reader; bodies are rendered by @astrojs/mdx on demand. */
function rolebookMdx(name: string, baseDir: string, list: (base: string) => string[]): Loader {
	return {
		name: `rolebook-${name}`,
		load: async (context: LoaderContext) => {
			const root = fileURLToPath(context.config.root);
			const base = resolve(root, baseDir);
			await sync(context, root, base, list);
			context.watcher?.add(base);
			// After a save only that file is read again (a 3,000-text site must not be re-read per keystroke).
			const resync = (path: string) => {
				if (!path.endsWith('.mdx') || !resolve(path).startsWith(base + sep)) return;
				const absolute = resolve(path);
				const files = list(base).filter((file) => file === absolute);
				const id = entryId(base, absolute);
				if (files.length === 0) context.store.delete(id);
				else sync(context, root, base, () => files, { partial: true }).catch((error: Error) => context.logger.error(error.message));
			};
			context.watcher?.on('change', resync);
			context.watcher?.on('add', resync);
			context.watcher?.on('unlink', resync);
		},
	};
}

function entryId(base: string, absolute: string): string {
	return relative(base, absolute).split(sep).join('/').replace(/\.mdx$/, '');
}

async function sync(
	{ store, parseData, generateDigest, renderMarkdown, logger, watcher }: LoaderContext,
	root: string,
	base: string,
	list: (base: string) => string[],
	options: { partial?: boolean } = {},
): Promise<void> {
	// A full sync removes entries whose files are gone; a partial one (one saved file) keeps the rest.
	const untouched = new Set(options.partial ? [] : store.keys());
	const failed: Problem[] = [];
	for (const absolute of list(base)) {
		const problems: Problem[] = [];
		// `check` compiled the body already; here only the data is needed.
		const source = readSourceFile(absolute, root, problems, { checkBody: false });
		if (!source || problems.some((problem) => problem.severity === 'error')) {
			failed.push(...problems);
			continue;
		}
		const id = entryId(base, absolute);
		untouched.delete(id);
		const digest = generateDigest(`${READER_VERSION}\n${JSON.stringify(source.data)}\n${source.body}`);
		const existing = store.get(id);
		if (existing && existing.digest === digest && existing.filePath === source.file) continue;
		const data = await parseData({ id, data: source.data as Record<string, unknown>, filePath: absolute });
		// A body is Markdown (check rejects JSX, expressions, imports and components in it), so it is
		// rendered here, once, and kept in the content store — not compiled as one more module of
		// the site's bundle. The leading line break keeps a body that opens with "---" (a rule) from
		// being taken for front matter.
		const rendered = await renderMarkdown(`\n${source.body}`, { fileURL: pathToFileURL(absolute) });
		// assetImports: local images go through Astro's image pipeline, as with its own loaders.
		const assetImports = rendered.metadata?.imagePaths ?? [];
		store.set({ id, data, body: source.body, rendered: { ...rendered, html: rendered.html.replace(/\n$/, '') }, filePath: source.file, digest, ...(assetImports.length > 0 ? { assetImports } : {}) });
	}
	for (const id of untouched) store.delete(id);
	if (failed.length > 0) {
		const report = failed.map((problem) => formatProblem(problem)).join('\n');
		// A build only starts after `npm run check` passed, so this is content changed since, or `astro` run directly.
		if (!watcher) throw new Error(`content has problems; run "npm run check":\n${report}`);
		logger.error(`content has problems; run "npm run check":\n${report}`);
	}
}
