// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

const contentDir = resolve(process.env.ROLEBOOK_CONTENT ?? 'content');
/** The public URL comes from the company profile, so content owns it, not code. */
const company = parse(readFileSync(resolve(contentDir, 'company.yaml'), 'utf8'));

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
	integrations: [mdx(), pagefindIntegration()],
	devToolbar: { enabled: false },
});
