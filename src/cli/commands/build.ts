import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { LoadOptions } from '../../model/index.ts';
import type { Output } from '../output.ts';
import { withProjectLock } from '../project-lock.ts';
import { previewSetting } from '../preview.ts';
import { signingFromEnv } from '../signing.ts';
import { liveRolebook } from '../../model/live.ts';
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
	const root = resolve(options.root ?? process.cwd());
	const outDir = resolve(root, options.outDir ?? 'dist');
	// Next to the output (same file system, so the final rename is atomic); one per output,
	// so builds into different folders can run at the same time.
	const staging = join(dirname(outDir), `.${basename(outDir)}.staging`);
	const settings = {
		ROLEBOOK_OUT_DIR: staging,
		ROLEBOOK_CONTENT: resolve(root, options.contentDir ?? process.env.ROLEBOOK_CONTENT ?? 'content'),
		// Astro reads the same decision, never its own reading of the caller's environment.
		ROLEBOOK_PREVIEW: preview ? '1' : '0',
		...(options.today ? { ROLEBOOK_TODAY: options.today } : {}),
	};
	const built = await withSettings(settings, root, async () => {
		// `check` first: the build never fails on content the check passed (and never starts on
		// content it failed). It loads the process's live model, the one the build then renders:
		// thousands of files are read, validated and held in memory once.
		if (!checkedRolebook({ ...options, contentDir: settings.ROLEBOOK_CONTENT }, out, liveRolebook)) return 'not started';
		// The signing certificate (environment only) is opened before any work: a wrong password stops the build here.
		if (!signingFromEnv({ preview }, out).ok) return 'not started';
		mkdirSync(dirname(outDir), { recursive: true });
		rmSync(staging, { recursive: true, force: true });
		return (await withProjectLock(root, out, () => astroBuild(root, out))) ? 'built' : 'failed';
	});
	if (built === 'not started') {
		out.error('Build stopped before writing anything: the last good output is unchanged.');
		return 1;
	}
	if (built === 'failed') {
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

/** Runs `task` with the settings in the environment Astro's config reads and `root` as the working folder (the site's modules resolve the project's files from it). */
async function withSettings<T>(settings: Record<string, string>, root: string, task: () => Promise<T>): Promise<T> {
	const saved = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
	Object.assign(process.env, settings);
	const cwd = process.cwd();
	try {
		if (cwd !== root) process.chdir(root);
		return await task();
	} finally {
		if (process.cwd() !== cwd) process.chdir(cwd);
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

/**
 * `astro build` in this process. In this process because `check` has just read, parsed and
 * validated every content file: Astro's content loader takes them from the read cache
 * (src/model/source.ts) and the build renders the model check loaded (src/model/live.ts),
 * instead of a second Node doing it all again.
 */
async function astroBuild(root: string, out: Output): Promise<boolean> {
	try {
		const { build } = await import('astro');
		await build({ root });
		return true;
	} catch (error) {
		out.error((error as Error).stack ?? String(error));
		return false;
	}
}
