/**
 * Programs from outside npm that some tests need: poppler (pdftotext, pdffonts, pdfsig, pdfinfo),
 * qpdf, Chromium, the system Node. On a developer's machine a test whose program is missing is
 * skipped, with a warning naming the package to install. With `CI` set it is never skipped: it
 * runs and fails at the first use of the program (`tool()`), so CI cannot pass by skipping.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** `CI` is set (as every CI service sets it), and not to "false" or "0". */
export const IN_CI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI!.trim().toLowerCase());

/** What to install for each program. */
const INSTALL: Record<string, string> = {
	pdftotext: 'apt-get install -y poppler-utils',
	pdffonts: 'apt-get install -y poppler-utils',
	pdfsig: 'apt-get install -y poppler-utils',
	pdfinfo: 'apt-get install -y poppler-utils',
	qpdf: 'apt-get install -y qpdf',
	chromium: 'apt-get install -y chromium',
};

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/** The program's path on PATH (or in the usual system folders), or undefined; a name with a "/" is a path. */
export function findTool(name: string, path = process.env.PATH ?? ''): string | undefined {
	if (!name) return undefined;
	if (name.includes('/')) return executable(name) ? name : undefined;
	const dirs = [...path.split(delimiter).filter(Boolean), '/usr/local/bin', '/usr/bin', '/bin'];
	return dirs.map((dir) => join(dir, name)).find(executable);
}

export function hasTool(name: string): boolean {
	return findTool(name) !== undefined;
}

function missingMessage(what: string, install?: string): string {
	return `${what} is not installed${install ? ` (${install})` : ''}${IN_CI ? '; CI must run this test, not skip it' : ''}`;
}

/** The path of a program a test runs; a missing one fails the test with what to install. */
export function tool(name: string): string {
	const path = findTool(name);
	if (!path) throw new Error(missingMessage(name, INSTALL[name]));
	return path;
}

const warned = new Set<string>();

/**
 * For `it.skipIf(...)` / `describe.skipIf(...)`: true (skip) when a program is missing, outside
 * CI only. With CI set it is always false: the test runs and fails where it calls `tool()`.
 */
export function skipWithout(...names: string[]): boolean {
	const missing = names.filter((name) => !hasTool(name));
	return skipUnless(missing.length === 0, missing.join(', '), [...new Set(missing.map((name) => INSTALL[name]).filter(Boolean))].join('; '));
}

/** The same for a requirement that is not a program name on PATH (e.g. "a system Node older than 22.12"). */
export function skipUnless(present: boolean, what: string, install?: string): boolean {
	if (present || IN_CI) return false;
	if (!warned.has(what)) {
		warned.add(what);
		console.warn(`Skipping tests: ${missingMessage(what, install)}. They fail instead of skipping when CI is set.`);
	}
	return true;
}
