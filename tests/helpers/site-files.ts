/** Reading a built site: pages as parsed HTML, every file's text for leak checks. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

export function listFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? listFiles(path) : [path];
	});
}

export function page(site: string, path: string): HTMLElement {
	const file = join(site, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
	if (!existsSync(file)) throw new Error(`no page ${path} in ${site}`);
	return parse(readFileSync(file, 'utf8'));
}

export function hasPage(site: string, path: string): boolean {
	return existsSync(join(site, path.replace(/^\//, ''), 'index.html'));
}

/**
 * The readable text of a built file, whatever its form: Pagefind's index files are gzip
 * streams behind a signature, so they are unpacked before searching them.
 */
export function readableText(file: string): string {
	const bytes = readFileSync(file);
	if (file.includes(`${'/pagefind/'}`) && !/\.(js|css|json)$/.test(file)) {
		try {
			return gunzipSync(bytes).toString('utf8');
		} catch {
			return bytes.toString('latin1');
		}
	}
	return bytes.toString('utf8');
}

export function relativeFiles(site: string): string[] {
	return listFiles(site).map((file) => relative(site, file));
}
