#!/usr/bin/env node
// Entry point installed as `rolebook`: runs the TypeScript CLI through tsx, no build step.
//
// Plain JavaScript that any Node can parse, because it is the first thing to run on a machine
// whose system Node may be older than the project's (Astro needs the `engines` range of
// package.json). On an older Node it runs the same command again under the Node the project
// pins (the `node` package in node_modules), passing the terminal, the exit code and signals
// through. However it is called — `npx rolebook`, `node bin/rolebook.js`, `npm run check`,
// node_modules/.bin/rolebook, through symlinks — it calls the CLI's `main()` itself.
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url); // the real file, also when called through a symlink
const root = resolve(dirname(self), '..');
/** Set in the re-run child, so an unsuitable pinned Node can never start a loop. */
const RERUN = 'ROLEBOOK_PINNED_NODE';

const minimum = requiredNode();
if (olderThan(process.versions.node, minimum)) {
	rerunUnderPinnedNode();
} else {
	await runCli();
}

async function runCli() {
	try {
		const { register } = await import('tsx/esm/api');
		register();
		const { main } = await import('../src/cli/main.ts');
		const code = await main(process.argv.slice(2));
		// A failed build can leave render threads working on files nothing will publish: stop them now.
		if (code !== 0) process.exit(code);
		process.exitCode = code;
	} catch (error) {
		// An unexpected failure is a bug in Rolebook, not in the content: say so plainly.
		process.stderr.write(`rolebook: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the command you ran.\n`);
		process.exitCode = 2;
	}
}

function rerunUnderPinnedNode() {
	const needs = `rolebook: needs Node.js ${minimum.join('.')} or newer`;
	const fix = `run "npm install" in ${root} to install the project's own Node into node_modules`;
	if (process.env[RERUN]) {
		fail(`${needs}, and the project's Node (${process.execPath}) is ${process.version}: ${fix}.`);
		return;
	}
	const node = pinnedNode();
	if (!node) {
		fail(`${needs} (this is ${process.version}): ${fix}.`);
		return;
	}
	const child = spawn(node, [...process.execArgv, self, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [RERUN]: node } });
	// Ctrl+C reaches both processes from the terminal; a `kill` of this one must reach the child too.
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGBREAK'];
	const forward = (signal) => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
	};
	const listening = signals.filter((signal) => {
		try {
			process.on(signal, forward);
			return true;
		} catch {
			return false; // a signal this platform does not have
		}
	});
	child.on('error', (error) => {
		listening.forEach((signal) => process.off(signal, forward));
		fail(`${needs} (this is ${process.version}) and the project's Node (${node}) did not start (${error.message}): ${fix}.`);
	});
	child.on('exit', (code, signal) => {
		listening.forEach((signal) => process.off(signal, forward));
		if (signal) {
			// End the way the child ended, so a shell or CI sees the same signal.
			process.kill(process.pid, signal);
			return;
		}
		process.exit(code ?? 1);
	});
}

/** The lowest Node the project supports, from `engines.node` (">=22.12.0") in package.json. */
function requiredNode() {
	try {
		const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '';
		const match = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range);
		if (match) return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
	} catch {
		// fall through to the documented minimum
	}
	return [22, 12, 0];
}

function olderThan(version, [major, minor, patch]) {
	const [a = 0, b = 0, c = 0] = version.split('.').map(Number);
	return a !== major ? a < major : b !== minor ? b < minor : c < patch;
}

/** The Node binary of the `node` package (a devDependency), or undefined when it is not installed. */
function pinnedNode() {
	const candidates = [];
	try {
		const manifest = createRequire(join(root, 'package.json')).resolve('node/package.json');
		const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin;
		const file = typeof bin === 'string' ? bin : bin?.node;
		if (file) candidates.push(join(dirname(manifest), file));
	} catch {
		// not installed where this project resolves packages
	}
	candidates.push(join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.exe' : 'node'));
	return candidates.find((file) => {
		try {
			accessSync(file, constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

function fail(message) {
	process.stderr.write(`${message}\n`);
	process.exitCode = 1;
}
