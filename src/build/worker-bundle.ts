/**
 * The render worker as one JavaScript file, bundled with esbuild from our TypeScript (npm
 * packages stay imports): a thread starts in ~0.1 s instead of the ~1.5 s of compiling the
 * sources through tsx in every thread. Built once per change of the sources, into
 * `.rolebook/workers/` inside the project (so the bundle's imports resolve node_modules).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// A static import: the integration is loaded through Vite's module runner, which is closed by the
// time a build runs, so nothing here may import lazily. (esbuild comes with Vite and tsx.)
import * as esbuild from 'esbuild';

const SOURCE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(SOURCE_ROOT, 'build', 'worker.ts');

/** Every TypeScript and JSON file under src/, hashed in a fixed order. */
function sourceHash(): string {
	const hash = createHash('sha256');
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.(ts|json)$/.test(entry.name)) hash.update(path.slice(SOURCE_ROOT.length)).update(readFileSync(path));
		}
	};
	walk(SOURCE_ROOT);
	return hash.digest('hex').slice(0, 16);
}

/** Path of the bundled worker for the current sources, building it if needed. */
export async function workerBundle(projectRoot: string): Promise<string> {
	const dir = join(projectRoot, '.rolebook', 'workers');
	const file = join(dir, `render-worker-${sourceHash()}.mjs`);
	if (existsSync(file)) return file;
	mkdirSync(dir, { recursive: true });
	const temporary = `${file}.${process.pid}.tmp.mjs`;
	await esbuild.build({
		entryPoints: [ENTRY],
		outfile: temporary,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		packages: 'external',
		logLevel: 'silent',
		// JSON imports (UI string types) and `import.meta.url` keep working in the bundle.
		loader: { '.json': 'json' },
	});
	renameSync(temporary, file);
	return file;
}
