/**
 * Hashes of each renderer's code, the font code they share and their libraries' versions:
 * part of every cache key, so changing a renderer renders anew. Computed on the main thread
 * (a bundled worker cannot see the source folders) and handed to the workers.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArtefactKind } from './artefacts.ts';

const SOURCES = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Source folders (under src/) and npm packages each renderer's bytes depend on. */
const INPUTS: Record<ArtefactKind, { folders: string[]; packages: string[] }> = {
	pdf: { folders: ['pdf', 'fonts'], packages: ['dejavu-fonts-ttf', 'pdf-lib', '@pdf-lib/fontkit', '@signpdf/signpdf', 'hyphen', 'linebreak'] },
	docx: { folders: ['docx', 'pdf'], packages: ['docx', 'fflate'] },
	card: { folders: ['og', 'fonts'], packages: ['dejavu-fonts-ttf', '@pdf-lib/fontkit', 'linebreak', '@resvg/resvg-js'] },
};

const hashes = new Map<ArtefactKind, string>();

export function codeHash(kind: ArtefactKind): string {
	const known = hashes.get(kind);
	if (known) return known;
	const hash = createHash('sha256');
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.ts')) hash.update(path.slice(SOURCES.length)).update(readFileSync(path));
		}
	};
	for (const folder of INPUTS[kind].folders) walk(join(SOURCES, folder));
	for (const name of INPUTS[kind].packages) hash.update(readFileSync(packageJson(name)));
	// Cards are compressed by Node's own zlib (src/og/png.ts): another zlib may give other bytes.
	if (kind === 'card') hash.update(`zlib ${process.versions.zlib}`);
	const digest = hash.digest('hex');
	hashes.set(kind, digest);
	return digest;
}

export function codeHashes(): Record<ArtefactKind, string> {
	return { pdf: codeHash('pdf'), docx: codeHash('docx'), card: codeHash('card') };
}

/** A package's package.json, also for packages whose `exports` do not list it. */
function packageJson(name: string): string {
	try {
		return require.resolve(`${name}/package.json`);
	} catch {
		for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
			const file = join(dir, 'package.json');
			if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return file;
		}
		throw new Error(`cannot find the package.json of ${name}`);
	}
}
