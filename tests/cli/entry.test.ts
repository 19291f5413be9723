/**
 * The `rolebook` entry point as users start it: `npx rolebook` (npm runs the bin through a
 * symlink in its cache), `node bin/rolebook.js` with the machine's own Node, which may be older
 * than the project's (it re-runs itself under the Node the project pins), and what happens when
 * that Node is not installed. The system Node must be older than `engines.node` for the re-run to
 * be tested: on a machine without one the tests are skipped, and with CI set they fail.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixture, PROJECT_ROOT } from '../helpers/fixture.ts';
import { findTool, skipUnless } from '../helpers/tools.ts';

const COMMANDS = ['check', 'build', 'pdf', 'status', 'new', 'version', 'approve'];
const MINIMUM = (/>=\s*(\d+)\.(\d+)/.exec(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).engines.node) ?? []).slice(1).map(Number);

/** PATH as on a fresh shell: without any node_modules/.bin, so `node` and `npx` are the system's. */
const SYSTEM_PATH = (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin')
	.split(delimiter)
	.filter((dir) => dir && !dir.includes('node_modules'))
	.join(delimiter);

function versionOf(node: string): number[] {
	return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '').split('.').map(Number);
}
const older = ([major = 0, minor = 0]: number[]) => major < MINIMUM[0]! || (major === MINIMUM[0] && minor < MINIMUM[1]!);

/** The system's Node when it is older than the project needs (the case the bin must handle). */
const systemNode = (() => {
	const node = findTool(process.env.ROLEBOOK_TEST_OLD_NODE ?? '') ?? findTool('node', SYSTEM_PATH);
	return node && older(versionOf(node)) ? node : undefined;
})();
const skipWithoutOldNode = skipUnless(systemNode !== undefined, `a system Node older than ${MINIMUM.join('.')}`, 'set ROLEBOOK_TEST_OLD_NODE to one, e.g. Debian\'s nodejs 20');

/** Like `/usr/bin/env -i PATH=… <command>`: nothing of the test runner's environment. */
function runClean(command: string, args: string[], cwd = PROJECT_ROOT) {
	const result = spawnSync(command, args, { cwd, env: { PATH: SYSTEM_PATH, HOME: process.env.HOME ?? tmpdir() }, encoding: 'utf8', timeout: 120_000 });
	return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function expectHelp(stdout: string) {
	expect(stdout).toContain('Usage: rolebook [options] [command]');
	for (const command of COMMANDS) expect(stdout, command).toMatch(new RegExp(`^  ${command} `, 'm'));
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('npx rolebook', () => {
	it('--help in the project prints the commands (npx runs the bin through a symlink)', () => {
		const npx = findTool('npx', SYSTEM_PATH);
		expect(npx, 'npx (comes with npm)').toBeDefined();
		const { code, stdout, stderr } = runClean(npx!, ['rolebook', '--help']);
		expect(code, stderr).toBe(0);
		expectHelp(stdout);
	});
});

describe('node bin/rolebook.js', () => {
	it('--help with the project\'s Node prints the commands', () => {
		const { code, stdout, stderr } = runClean(process.execPath, ['bin/rolebook.js', '--help']);
		expect(code, stderr).toBe(0);
		expectHelp(stdout);
	});

	it.skipIf(skipWithoutOldNode)('--help with the older system Node prints the commands', () => {
		expect(systemNode, `a system Node older than ${MINIMUM.join('.')}`).toBeDefined();
		const { code, stdout, stderr } = runClean(systemNode!, ['bin/rolebook.js', '--help']);
		expect(code, stderr).toBe(0);
		expectHelp(stdout);
	});

	it.skipIf(skipWithoutOldNode)('with the older system Node a command runs and its exit code and messages come through', () => {
		expect(systemNode).toBeDefined();
		const check = runClean(systemNode!, ['bin/rolebook.js', 'check']);
		expect(check.code, check.stderr).toBe(0);
		expect(check.stdout).toContain('Content is valid');
		const typo = runClean(systemNode!, ['bin/rolebook.js', 'chek']);
		expect(typo.code).toBe(1);
		expect(typo.stderr).toContain("unknown command 'chek'");
		const missing = runClean(systemNode!, ['bin/rolebook.js', 'check', '--content', join(tmpdir(), 'rolebook-no-such-content')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).not.toContain('internal error');
	});

	it.skipIf(skipWithoutOldNode)('build with the older system Node: the site is built (Astro runs under the project\'s Node, as the README\'s corpus command needs)', () => {
		expect(systemNode).toBeDefined();
		const tree = makeFixture();
		const out = mkdtempSync(join(tmpdir(), 'rolebook-entry-build-'));
		temporary.push(tree.root, out);
		const { code, stdout, stderr } = runClean(systemNode!, ['bin/rolebook.js', 'build', '--content', tree.contentDir, '--out', out]);
		expect(code, stderr).toBe(0);
		expect(stderr).not.toContain('is not supported');
		expect(stdout).toContain('Site built');
		expect(readFileSync(join(out, 'en/roles/sales-lead/index.html'), 'utf8')).toContain('Sales lead');
	});
});

describe('the entry point itself', () => {
	/**
	 * A copy of the project's bin and package.json, with its node_modules, around a stand-in CLI
	 * that exits with a given code, throws, or waits to be stopped: the bin's own behaviour,
	 * independent of the real commands.
	 */
	function standIn(options: { nodeModules: boolean }): string {
		const root = mkdtempSync(join(tmpdir(), 'rolebook-entry-'));
		temporary.push(root);
		mkdirSync(join(root, 'bin'));
		mkdirSync(join(root, 'src/cli'), { recursive: true });
		cpSync(join(PROJECT_ROOT, 'bin/rolebook.js'), join(root, 'bin/rolebook.js'));
		cpSync(join(PROJECT_ROOT, 'package.json'), join(root, 'package.json'));
		if (options.nodeModules) symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
		writeFileSync(
			join(root, 'src/cli/main.ts'),
			`export async function main(argv: string[]): Promise<number> {
	if (argv[0] === 'exit') return Number(argv[1]);
	if (argv[0] === 'throw') throw new Error('a bug');
	process.stdout.write(\`ready \${process.pid} \${process.version}\\n\`);
	return new Promise<number>(() => setInterval(() => {}, 1000));
}
`,
		);
		return root;
	}

	it('passes the CLI\'s exit code through and reports a bug as an internal error, exit 2', () => {
		const root = standIn({ nodeModules: true });
		for (const node of [process.execPath, ...(systemNode ? [systemNode] : [])]) {
			expect(runClean(node, [join(root, 'bin/rolebook.js'), 'exit', '3']).code, node).toBe(3);
			expect(runClean(node, [join(root, 'bin/rolebook.js'), 'exit', '0']).code, node).toBe(0);
			const bug = runClean(node, [join(root, 'bin/rolebook.js'), 'throw']);
			expect(bug.code, node).toBe(2);
			expect(bug.stderr).toBe('rolebook: internal error: a bug\nPlease report this with the command you ran.\n');
		}
	});

	it.skipIf(skipWithoutOldNode)('with the older system Node: a signal to the command reaches the re-run process, and the command ends by that signal', async () => {
		expect(systemNode).toBeDefined();
		const root = standIn({ nodeModules: true });
		const parent = spawn(systemNode!, [join(root, 'bin/rolebook.js'), 'wait'], { env: { PATH: SYSTEM_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
		const ready = await new Promise<string>((done, fail) => {
			let text = '';
			parent.stdout.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				if (text.includes('\n')) done(text);
			});
			parent.on('exit', () => fail(new Error('the command ended before it was ready')));
		});
		const [, pid, version] = /^ready (\d+) v(\S+)/.exec(ready)!;
		expect(older(version!.split('.').map(Number)), `the stand-in runs under the project's Node, not ${version}`).toBe(false);
		expect(Number(pid)).not.toBe(parent.pid);
		const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => parent.on('exit', (code, signal) => done({ code, signal })));
		parent.kill('SIGTERM');
		expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
		expect(() => process.kill(Number(pid), 0), 'the re-run process is gone').toThrow();
	});

	it.skipIf(skipWithoutOldNode)('with the older system Node and no project Node installed: one line saying to run "npm install", exit 1', () => {
		expect(systemNode).toBeDefined();
		const root = standIn({ nodeModules: false });
		const { code, stdout, stderr } = runClean(systemNode!, [join(root, 'bin/rolebook.js'), '--help'], root);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toContain(`rolebook: needs Node.js ${MINIMUM.join('.')}`);
		expect(stderr).toContain(`run "npm install" in ${root}`);
	});
});
