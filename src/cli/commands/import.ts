/**
 * `rolebook import <file.docx|folder>…`: Word job descriptions → draft roles (role.yaml +
 * <locale>.mdx) or translations of existing roles, that pass `rolebook check`. Prints, per file,
 * what it wrote, every paragraph it could not place (kept as a TODO in the text) and every fact
 * to review; then a summary, and the check of what it wrote.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { planImport, type FileResult } from '../../docx/import/index.ts';
import { loadRolebook, resolvePaths, type LoadOptions } from '../../model/index.ts';
import { reportProblems, type Output } from '../output.ts';
import { requireRolebook } from './check.ts';

export interface ImportCommandOptions extends LoadOptions {
	/** .docx files and folders of them. */
	inputs: string[];
	id?: string;
	locale?: string;
	replace?: boolean;
	dryRun?: boolean;
}

export function importCommand(options: ImportCommandOptions, out: Output): number {
	const paths = resolvePaths(options);
	const files: string[] = [];
	for (const input of options.inputs) {
		const path = resolve(paths.root, input);
		let stat;
		try {
			stat = statSync(path);
		} catch {
			out.error(`error: ${input}: no such file or folder`);
			return 2;
		}
		if (stat.isDirectory()) files.push(...docxFilesIn(path));
		else files.push(path);
	}
	if (files.length === 0) {
		out.error('error: no .docx files to import (give files or folders that contain them)\n(run "rolebook import --help" for usage)');
		return 2;
	}
	if (options.id && files.length > 1) {
		out.error(`error: --id names the role of one document; ${files.length} were given. Import a folder without --id: each file gets its id from its title.`);
		return 2;
	}
	const rolebook = requireRolebook(options, out);
	if (!rolebook) return 1;
	if (options.locale && !rolebook.company.locales.includes(options.locale)) {
		out.error(`error: --locale "${options.locale}" is not configured (content/company.yaml: ${rolebook.company.locales.join(', ')})`);
		return 2;
	}

	const results = planImport(files, rolebook, {
		root: paths.root,
		contentDir: paths.contentDir,
		...(options.id ? { id: options.id } : {}),
		...(options.locale ? { locale: options.locale } : {}),
		...(options.replace ? { replace: true } : {}),
	});
	const shown = (file: string) => relative(paths.root, file) || file;
	for (const result of results) report(result, shown, out, Boolean(options.dryRun));
	if (!options.dryRun) {
		for (const result of results) {
			for (const [file, content] of result.writes) {
				mkdirSync(dirname(file), { recursive: true });
				writeFileSync(file, content);
			}
		}
	}
	summary(results, out, Boolean(options.dryRun));
	if (options.dryRun) return results.some((result) => result.error) ? 1 : 0;

	// The check of what was written: every problem of the imported files, with the check's wording.
	const written = new Set(results.flatMap((result) => result.writes.map(([file]) => relative(paths.root, file))));
	const { problems } = loadRolebook(options);
	const own = problems.filter((problem) => written.has(problem.file));
	if (own.length > 0) reportProblems(own, out);
	const errors = own.filter((problem) => problem.severity === 'error').length;
	if (written.size > 0) out.info(errors === 0 ? `✓ the imported files pass the check${own.length > 0 ? ` (${own.length} warning${own.length === 1 ? '' : 's'} above)` : ''}.` : `✗ the imported files have ${errors} error(s) above: please report this with the .docx file.`);
	return results.some((result) => result.error) || errors > 0 ? 1 : 0;
}

function docxFilesIn(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...docxFilesIn(path));
		// "~$name.docx" is Word's lock file of an open document, not a document.
		else if (entry.name.toLowerCase().endsWith('.docx') && !entry.name.startsWith('~$')) out.push(path);
	}
	return out;
}

function report(result: FileResult, shown: (file: string) => string, out: Output, dryRun: boolean): void {
	if (result.error) {
		out.error(`✗ ${shown(result.file)}: ${result.error}`);
		return;
	}
	const what = result.mode === 'new-role' ? `new role "${result.roleId}"` : result.mode === 'translation' ? `${result.locale} translation of "${result.roleId}"` : `${result.locale} text of "${result.roleId}" replaced`;
	out.info(`${shown(result.file)} → ${what} (${result.locale}): ${result.sections} sections, ${result.items} items`);
	for (const [file] of result.writes) out.info(`  ${dryRun ? 'would write' : 'wrote'} ${shown(file)}`);
	for (const entry of result.unplaced) out.info(`  unplaced: paragraph ${entry.paragraph} (${entry.where}): "${entry.text}" — kept as a TODO at the end of the text`);
	for (const todo of result.todos) out.info(`  TODO in role.yaml: ${todo}`);
	for (const diff of result.countDiffs) out.info(`  warning: ${diff}; translate every item so numbering matches`);
	for (const note of result.notes) out.info(`  note: ${note}`);
}

function summary(results: FileResult[], out: Output, dryRun: boolean): void {
	const ok = results.filter((result) => !result.error);
	const count = (mode: FileResult['mode']) => ok.filter((result) => result.mode === mode).length;
	const unplaced = ok.reduce((sum, result) => sum + result.unplaced.length, 0);
	const todos = ok.reduce((sum, result) => sum + result.todos.length, 0);
	const failed = results.length - ok.length;
	out.info(
		`\n${dryRun ? 'Would import' : 'Imported'} ${ok.length} of ${results.length} file${results.length === 1 ? '' : 's'}: ${count('new-role')} new role(s), ${count('translation')} translation(s), ${count('replace')} replaced text(s); ` +
			`${unplaced} paragraph(s) unplaced (kept as TODO), ${todos} fact(s) to review${failed > 0 ? `; ${failed} failed (✗ above)` : ''}.`,
	);
	if (ok.length > 0 && !dryRun) out.info('Next: review every TODO (grep -rn TODO content/roles/<id>/), run "npm run check", then preview with "npm run build:preview".');
}
