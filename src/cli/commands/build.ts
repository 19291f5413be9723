import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { LoadOptions } from '../../model/index.ts';
import type { Output } from '../output.ts';
import { withProjectLock } from '../project-lock.ts';
import { previewSetting } from '../preview.ts';
import { signingFromEnv } from '../signing.ts';
import { checkedRolebook } from './check.ts';

export interface BuildOptions extends LoadOptions {
	/** Where the finished site goes (default `dist`). */
	outDir?: string;
	/** Include drafts, with a DRAFT banner (never for publishing). */
	preview?: boolean;
}

/**
 * Validates, then runs `astro build` (pages, search, PDFs and link-preview images: one
 * pipeline, src/build/integration.ts) into a staging folder, and only then replaces the output.
 * A content error or a failed build leaves the last good site untouched.
 */
export async function build(options: BuildOptions, out: Output): Promise<number> {
	const preview = previewSetting(options.preview, out);
	if (preview === undefined) {
		out.error('Build stopped before writing anything: the last good output is unchanged.');
		return 1;
	}
	// `check` first: the build never fails on content the check passed (and never starts on content it failed).
	const rolebook = checkedRolebook(options, out);
	if (!rolebook) {
		out.error('Build stopped before writing anything: the last good output is unchanged.');
		return 1;
	}
	// The signing certificate (environment only) is opened before any work: a wrong password stops the build here.
	if (!signingFromEnv({ preview }, out).ok) {
		out.error('Build stopped before writing anything: the last good output is unchanged.');
		return 1;
	}
	const root = resolve(options.root ?? process.cwd());
	const outDir = resolve(root, options.outDir ?? 'dist');
	// Next to the output (same file system, so the final rename is atomic); one per output,
	// so builds into different folders can run at the same time.
	const staging = join(dirname(outDir), `.${basename(outDir)}.staging`);
	mkdirSync(dirname(outDir), { recursive: true });
	rmSync(staging, { recursive: true, force: true });

	const astroBin = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
	const env = {
		...process.env,
		ROLEBOOK_OUT_DIR: staging,
		...(options.contentDir ? { ROLEBOOK_CONTENT: resolve(root, options.contentDir) } : {}),
		// Astro reads the same decision, never its own reading of the caller's environment.
		ROLEBOOK_PREVIEW: preview ? '1' : '0',
		...(options.today ? { ROLEBOOK_TODAY: options.today } : {}),
	};
	const result = await withProjectLock(root, out, () => spawnSync(process.execPath, [astroBin, 'build'], { cwd: root, env, stdio: 'inherit' }));
	if (result.status !== 0) {
		rmSync(staging, { recursive: true, force: true });
		out.error(`The site build failed (see above). The last good output in ${outDir} is unchanged.`);
		return 1;
	}

	const previous = `${outDir}.previous`;
	rmSync(previous, { recursive: true, force: true });
	if (existsSync(outDir)) renameSync(outDir, previous);
	renameSync(staging, outDir);
	rmSync(previous, { recursive: true, force: true });
	out.info(`✓ Site built in ${outDir}${preview ? ' (preview: drafts included, never publish it)' : ''}.`);
	return 0;
}
