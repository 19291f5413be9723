/**
 * Builds a content tree in a temporary folder: the valid base fixture plus the edits a
 * bad-content case describes, so every case states only what it breaks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const BASE_FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/base');

export type Edit =
	/** Replace the first occurrence of `from` with `to` in `file`; fails if `from` is absent. */
	| { file: string; replace: [from: string, to: string] }
	| { file: string; write: string }
	| { file: string; remove: true }
	/** Set (string) or delete (null) keys of a UI strings file, e.g. "strings/ru.json". */
	| { file: string; strings: Record<string, string | null> };

export interface FixtureTree {
	root: string;
	contentDir: string;
	stringsDir: string;
	cleanup(): void;
}

/** `parent`: the folder to make the tree in (default: the system's temporary folder). */
export function makeFixture(edits: Edit[] = [], options: { parent?: string } = {}): FixtureTree {
	const parent = options.parent ?? tmpdir();
	mkdirSync(parent, { recursive: true });
	const root = mkdtempSync(join(parent, 'rolebook-fixture-'));
	cpSync(join(BASE_FIXTURE, 'content'), join(root, 'content'), { recursive: true });
	cpSync(join(PROJECT_ROOT, 'src/i18n/strings'), join(root, 'strings'), { recursive: true });
	cpSync(join(PROJECT_ROOT, 'templates'), join(root, 'templates'), { recursive: true });
	// The site's static files: the company logo a fixture names lives there.
	cpSync(join(PROJECT_ROOT, 'public'), join(root, 'public'), { recursive: true });
	for (const edit of edits) {
		const path = join(root, edit.file);
		if ('replace' in edit) {
			const text = readFileSync(path, 'utf8');
			if (!text.includes(edit.replace[0])) throw new Error(`fixture edit: "${edit.replace[0]}" not found in ${edit.file}`);
			writeFileSync(path, text.replace(edit.replace[0], edit.replace[1]));
		} else if ('write' in edit) {
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, edit.write);
		} else if ('remove' in edit) {
			rmSync(path, { recursive: true });
		} else {
			const strings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
			for (const [key, value] of Object.entries(edit.strings)) {
				if (value === null) delete strings[key];
				else strings[key] = value;
			}
			writeFileSync(path, JSON.stringify(strings, null, '\t'));
		}
	}
	return {
		root,
		contentDir: join(root, 'content'),
		stringsDir: join(root, 'strings'),
		cleanup: () => rmSync(root, { recursive: true, force: true }),
	};
}
