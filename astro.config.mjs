// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { rolebookIntegration } from './src/build/integration.ts';
import { mdxSourceForBuild } from './src/model/read/front-matter.ts';
import { MDX_FEATURES } from './src/model/read/mdx.ts';
import { readSourceFile } from './src/model/source.ts';

const contentDir = resolve(process.env.ROLEBOOK_CONTENT ?? 'content');
/**
 * The public URL comes from the company profile, so content owns it, not code. Read by the same
 * reader as `check` (the build runs only after `check` passed, so problems are not repeated here).
 * @type {{ site?: { url?: string } } | undefined}
 */
const company = /** @type {any} */ (readSourceFile(resolve(contentDir, 'company.yaml'), process.cwd(), [])?.data);

/**
 * Hands @astrojs/mdx each content MDX file with its front matter blanked (lines kept), so the
 * build never parses front matter with a YAML parser of its own: entry data comes from Rolebook's
 * reader (src/content.config.ts), and `check` compiled exactly these bodies
 * (src/model/read/front-matter.ts). Runs before @astrojs/mdx's own transform.
 * @returns {import('vite').Plugin}
 */
function contentFrontMatter() {
	// Vite names modules by their real path; the content folder may be given through a symlink.
	const folders = [contentDir, ...(existsSync(contentDir) ? [realpathSync(contentDir)] : [])].map((folder) => folder + sep);
	return {
		name: 'rolebook:content-front-matter',
		enforce: 'pre',
		transform: {
			order: 'pre',
			filter: { id: /\.mdx$/ },
			handler(code, id) {
				if (!folders.some((folder) => resolve(id).startsWith(folder))) return null;
				const source = mdxSourceForBuild(code);
				return source === code ? null : { code: source, map: null };
			},
		},
	};
}

/**
 * Astro's content-layer store is incremental; one store per content folder keeps a build of
 * test fixtures or a benchmark corpus from leaking stale entries into the next build.
 */
const cacheKey = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);

export default defineConfig({
	cacheDir: `./node_modules/.astro/content-${cacheKey}`,
	site: company?.site?.url,
	// Deploying under a sub-path (e.g. /handbook/) is a build setting, not a content one.
	base: process.env.ROLEBOOK_BASE ?? '/',
	outDir: process.env.ROLEBOOK_OUT_DIR ?? 'dist',
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [mdx({ gfm: MDX_FEATURES.gfm, smartypants: MDX_FEATURES.smartPunctuation }), rolebookIntegration({ contentDir })],
	vite: {
		plugins: [contentFrontMatter()],
		// Build output, caches and test sites change while `astro dev` runs; none of it is source.
		server: { watch: { ignored: ['**/.rolebook/**', '**/dist/**', '**/.dist.staging/**', '**/.dist.previous/**'] } },
	},
	devToolbar: { enabled: false },
});
