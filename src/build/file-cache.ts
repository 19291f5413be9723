/**
 * A content-addressed cache of generated files (PDFs, preview images) shared by builds:
 * a file whose key is cached is copied instead of rendered. Several builds (preview,
 * sub-path, tests) use one cache at once, so entries are written then renamed, and entries
 * unused for a while are pruned.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Entries unused for this long are removed. */
export const CACHE_MAX_AGE_DAYS = 30;

export class FileCache {
	/** `dir` undefined: a cache that never hits, for runs that must render everything. */
	constructor(
		private readonly dir: string | undefined,
		private readonly extension: string,
	) {}

	/** Copies the cached file for `key` to `file`; false when there is none. */
	restore(key: string, file: string): boolean {
		if (!this.dir) return false;
		const cached = join(this.dir, `${key}${this.extension}`);
		if (!existsSync(cached)) return false;
		mkdirSync(dirname(file), { recursive: true });
		copyFileSync(cached, file);
		const now = new Date();
		utimesSync(cached, now, now); // recently used: kept by prune()
		return true;
	}

	/** True when `key` is cached; marks it recently used. */
	touch(key: string): boolean {
		if (!this.dir) return false;
		const cached = this.pathOf(key);
		if (!existsSync(cached)) return false;
		const now = new Date();
		utimesSync(cached, now, now);
		return true;
	}

	pathOf(key: string): string {
		if (!this.dir) throw new Error('this cache has no folder');
		return join(this.dir, `${key}${this.extension}`);
	}

	/**
	 * Puts the cached file for `key` at `file` as a hard link (no copy: the cache never changes a
	 * file in place, it replaces it), or a copy where links are not possible.
	 */
	link(key: string, file: string): void {
		linkOrCopy(this.pathOf(key), file);
	}

	store(key: string, bytes: Uint8Array): void {
		if (!this.dir) return;
		mkdirSync(this.dir, { recursive: true });
		// Write then rename, so a build running at the same time never reads half a file.
		const temporary = join(this.dir, `${key}.${process.pid}-${threadId}.tmp`);
		writeFileSync(temporary, bytes);
		renameSync(temporary, join(this.dir, `${key}${this.extension}`));
	}

	prune(maxAgeDays = CACHE_MAX_AGE_DAYS): void {
		if (!this.dir || !existsSync(this.dir)) return;
		const oldest = Date.now() - maxAgeDays * 86_400_000;
		for (const name of readdirSync(this.dir)) {
			const path = join(this.dir, name);
			if (name.endsWith(this.extension) && statSync(path).mtimeMs < oldest) rmSync(path, { force: true });
		}
	}
}

/** `to` becomes the same file as `from`: a hard link (no bytes copied), or a copy across file systems. */
export function linkOrCopy(from: string, to: string): void {
	mkdirSync(dirname(to), { recursive: true });
	rmSync(to, { force: true });
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to);
	}
}
