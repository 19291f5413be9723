/**
 * The dev server reloads the model after every save, and a reload keeps the work done for the
 * files that did not change (src/model/live.ts). Whatever a save changes — a text, a role's facts,
 * something every text reads (the company, a clause, the UI strings), a new error or its fix —
 * the reloaded model and its problems must be exactly those of a first load of the same files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRolebook, type LoadResult } from '../../src/model/index.ts';
import { makeFixture } from '../helpers/fixture.ts';

const tree = makeFixture();
const copies: string[] = [];
afterAll(() => {
	tree.cleanup();
	for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

function load(root: string): LoadResult {
	return loadRolebook({ root, contentDir: join(root, 'content'), stringsDir: join(root, 'strings'), templatesDir: join(root, 'templates'), today: '2026-06-01' });
}

/** The same files in a new folder: nothing there was read before, so nothing is kept. */
function firstLoadOfCopy(): LoadResult {
	const copy = mkdtempSync(join(tmpdir(), 'rolebook-reload-copy-'));
	copies.push(copy);
	for (const folder of ['content', 'strings', 'templates', 'public']) cpSync(join(tree.root, folder), join(copy, folder), { recursive: true });
	return load(copy);
}

function edit(file: string, from: string, to: string): void {
	const path = join(tree.root, file);
	const text = readFileSync(path, 'utf8');
	expect(text, `${file} contains ${JSON.stringify(from)}`).toContain(from);
	writeFileSync(path, text.replace(from, to));
}

const errorsOf = (result: LoadResult) => result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);

describe('a reload after a save', () => {
	// Every step edits the same tree, as HR's saves do, and compares the reload with a first load.
	const steps: [what: string, change: () => void, check?: (result: LoadResult) => void][] = [
		['nothing changed', () => undefined],
		['a title in the front matter', () => edit('content/roles/sales-lead/en.mdx', 'title: Sales lead', 'title: Sales lead edited'), (result) => expect(result.rolebook!.roles.find((role) => role.id === 'sales-lead')!.texts.en!.title).toBe('Sales lead edited')],
		['the body', () => edit('content/roles/sales-lead/en.mdx', 'keeps the team on track.', 'keeps the team on track, edited.')],
		['role.yaml (the date clauses are shown on)', () => edit('content/roles/sales-lead/role.yaml', 'effective: 2026-01-01', 'effective: 2026-02-03')],
		['role.yaml (the version, which translations and sign-offs name)', () => edit('content/roles/sales-lead/role.yaml', 'version: 2', 'version: 3'), (result) => expect(errorsOf(result).join('\n')).toContain('never approved')],
		['the version back', () => edit('content/roles/sales-lead/role.yaml', 'version: 3', 'version: 2'), (result) => expect(result.rolebook).toBeDefined()],
		['an error in a text', () => edit('content/roles/sales-lead/en.mdx', 'Plans sales.', 'Plans {compny} sales.'), (result) => expect(errorsOf(result).join('\n')).toContain('{compny}')],
		['the error fixed', () => edit('content/roles/sales-lead/en.mdx', 'Plans {compny} sales.', 'Plans {company} sales.'), (result) => expect(result.rolebook).toBeDefined()],
		['front matter that is not YAML', () => edit('content/roles/sales-lead/en.mdx', 'summary: Leads the sales reps.', 'summary: [Leads the sales reps.'), (result) => expect(result.rolebook).toBeUndefined()],
		['the YAML fixed', () => edit('content/roles/sales-lead/en.mdx', 'summary: [Leads the sales reps.', 'summary: Leads the sales reps.'), (result) => expect(result.rolebook).toBeDefined()],
		['a field the schema rejects', () => edit('content/roles/sales-lead/role.yaml', 'experienceYears: 3', 'experienceYears: three'), (result) => expect(result.rolebook).toBeUndefined()],
		['the field fixed', () => edit('content/roles/sales-lead/role.yaml', 'experienceYears: three', 'experienceYears: 3')],
		['the company every text names', () => edit('content/company.yaml', 'en: Example Trading LLC', 'en: Edited Trading LLC'), (result) => expect(result.rolebook!.company.name.en).toBe('Edited Trading LLC')],
		['a clause of the library', () => edit('content/clauses/labour-law.yaml', 'en: Within the limits set by the labour law', 'en: Within the edited limits of the labour law')],
		['a UI string (a section heading)', () => writeFileSync(join(tree.stringsDir, 'en.json'), readFileSync(join(tree.stringsDir, 'en.json'), 'utf8').replace(/"section\.duties": "[^"]*"/, '"section.duties": "Edited duties"'))],
		['a cross-file reference broken', () => edit('content/roles/sales-rep/role.yaml', 'reportsTo: sales-lead', 'reportsTo: sales-chief'), (result) => expect(errorsOf(result).join('\n')).toContain('unknown role or position')],
		['the reference fixed', () => edit('content/roles/sales-rep/role.yaml', 'reportsTo: sales-chief', 'reportsTo: sales-lead')],
		['a text removed', () => rmSync(join(tree.contentDir, 'roles/sales-lead/ru.mdx'))],
		['a text added', () => writeFileSync(join(tree.contentDir, 'roles/sales-lead/ru.mdx'), readFileSync(join(tree.contentDir, 'roles/sales-lead/versions/1/ru.mdx')))],
	];

	load(tree.root);
	for (const [what, change, check] of steps) {
		it(`${what}: the same model and problems as a first load`, () => {
			change();
			const reloaded = load(tree.root);
			expect(reloaded).toEqual(firstLoadOfCopy());
			check?.(reloaded);
		});
	}
});
