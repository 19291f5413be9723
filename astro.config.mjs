// @ts-check
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { rolebookIntegration } from './src/build/integration.ts';
import { MDX_FEATURES } from './src/model/read/mdx.ts';
import { readSourceFile } from './src/model/source.ts';

const contentDir = resolve(process.env.ROLEBOOK_CONTENT ?? 'content');
/**
 * The public URL comes from the company profile, so content owns it, not code. Read by the same
 * reader as `check` (the build runs only after `check` passed, so problems are not repeated here).
 * @type {{ site?: { url?: string } } | undefined}
 */
const company = /** @type {any} */ (readSourceFile(resolve(contentDir, 'company.yaml'), process.cwd(), [])?.data);

/** Folders of generated files: output, caches, test sites. */
const notSource = /[\\/](?:\.rolebook|dist|\.dist\.staging|\.dist\.previous)(?:[\\/]|$)/;

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
	// Role and chapter bodies are rendered as Markdown in the content loader (src/content.config.ts) with
	// Astro's default processor, whose features (GFM, smart punctuation) are those check compiles them with.
	integrations: [mdx({ gfm: MDX_FEATURES.gfm, smartypants: MDX_FEATURES.smartPunctuation }), rolebookIntegration({ contentDir })],
	vite: {
		// Build output, caches and test sites change while `astro dev` runs; none of it is source —
		// unless the content folder itself lives there (a benchmark corpus in .rolebook/).
		server: { watch: { ignored: (/** @type {string} */ path) => notSource.test(path) && !(path + sep).startsWith(contentDir + sep) } },
	},
	devToolbar: { enabled: false },
});
