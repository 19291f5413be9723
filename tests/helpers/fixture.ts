/**
 * Builds a content tree in a temporary folder: the valid base fixture plus the edits a
 * bad-content case describes, so every case states only what it breaks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadRolebook, type Rolebook } from '../../src/model/index.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const BASE_FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/base');

export type Edit =
	/** Replace the first occurrence of `from` with `to` in `file`; fails if `from` is absent. */
	| { file: string; replace: [from: string, to: string] }
	| { file: string; write: string }
	| { file: string; remove: true }
	/** Set (string) or delete (null) keys of a UI strings file, e.g. "strings/ru.json". */
	| { file: string; strings: Record<string, string | null> }
	/**
	 * Raw bytes, as hex ("cf f0 e8", spaces allowed) or "base64:…": the whole file, or in place
	 * of the first occurrence of `replace` (which must be present).
	 */
	| { file: string; bytes: string; replace?: string }
	/**
	 * Save the file (as edited so far) the way a Windows editor might: in a legacy encoding, as
	 * UTF-16 with its byte-order mark, or as UTF-8 with a byte-order mark and CRLF line endings.
	 * Fails when the encoding would not change a byte, so a case never tests nothing.
	 */
	| { file: string; saveAs: SaveAs };

export type SaveAs = 'windows-1251' | 'latin1' | 'utf16le' | 'utf8-bom-crlf';

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
		if ('bytes' in edit) {
			const bytes = edit.bytes.startsWith('base64:') ? Buffer.from(edit.bytes.slice(7), 'base64') : Buffer.from(edit.bytes.replace(/\s+/g, ''), 'hex');
			if (bytes.length === 0) throw new Error(`fixture edit: no bytes for ${edit.file}`);
			if (edit.replace === undefined) {
				mkdirSync(dirname(path), { recursive: true });
				writeFileSync(path, bytes);
			} else {
				const old = readFileSync(path);
				const at = old.indexOf(Buffer.from(edit.replace, 'utf8'));
				if (at === -1) throw new Error(`fixture edit: "${edit.replace}" not found in ${edit.file}`);
				writeFileSync(path, Buffer.concat([old.subarray(0, at), bytes, old.subarray(at + Buffer.byteLength(edit.replace))]));
			}
		} else if ('replace' in edit) {
			const text = readFileSync(path, 'utf8');
			if (!text.includes(edit.replace[0])) throw new Error(`fixture edit: "${edit.replace[0]}" not found in ${edit.file}`);
			writeFileSync(path, text.replace(edit.replace[0], edit.replace[1]));
		} else if ('write' in edit) {
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, edit.write);
		} else if ('remove' in edit) {
			rmSync(path, { recursive: true });
		} else if ('saveAs' in edit) {
			const text = readFileSync(path, 'utf8');
			const bytes = encode(text, edit.saveAs);
			if (bytes.equals(Buffer.from(text, 'utf8'))) throw new Error(`fixture edit: saving ${edit.file} as ${edit.saveAs} changes nothing`);
			writeFileSync(path, bytes);
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

/** Windows-1251 for Cyrillic: А–я at 0xC0–0xFF, Ё 0xA8, ё 0xB8, № 0xB9; ASCII as is. */
function windows1251(text: string): Buffer {
	return Buffer.from(
		[...text].map((char) => {
			const code = char.codePointAt(0)!;
			if (code < 0x80) return code;
			if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
			const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96 };
			if (char in special) return special[char]!;
			throw new Error(`fixture edit: ${char} has no Windows-1251 byte`);
		}),
	);
}

function encode(text: string, saveAs: SaveAs): Buffer {
	switch (saveAs) {
		case 'windows-1251':
			return windows1251(text);
		case 'latin1':
			if ([...text].some((char) => char.codePointAt(0)! > 0xff)) throw new Error('fixture edit: the text has characters Latin-1 cannot hold');
			return Buffer.from(text, 'latin1');
		case 'utf16le':
			return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		case 'utf8-bom-crlf':
			return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8')]);
	}
}

/** Loads the base fixture with `edits` applied, as `npm run check` would, on a fixed "today". */
export function loadFixture(edits: Edit[] = [], today = '2026-06-01', options: { includeInternal?: boolean } = {}) {
	const fixture = makeFixture(edits);
	try {
		return loadRolebook({ root: fixture.root, contentDir: fixture.contentDir, stringsDir: fixture.stringsDir, today, ...options });
	} finally {
		fixture.cleanup();
	}
}

/** The model of the base fixture with `edits` applied, which must have no errors (they are thrown, with every problem). */
export function validFixture(edits: Edit[] = [], today = '2026-06-01', options: { includeInternal?: boolean } = {}): Rolebook {
	const { rolebook, problems } = loadFixture(edits, today, options);
	if (!rolebook) throw new Error(JSON.stringify(problems, null, 2));
	return rolebook;
}
