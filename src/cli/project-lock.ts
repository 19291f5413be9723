/**
 * One Astro build at a time per project: Astro keeps its content-layer state in the project's
 * `.astro/` folder, so two builds of different content at once corrupt each other. A build
 * waits for the lock (saying so) instead of failing; a lock left by a dead process is taken over.
 */
import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Output } from './output.ts';

/** Whether a process with this id is running (EPERM: running, as another user). */
export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export async function withProjectLock<T>(root: string, out: Output, task: () => Promise<T> | T, timeoutMs = 15 * 60_000): Promise<T> {
	const lock = join(root, '.rolebook', 'build.lock');
	mkdirSync(dirname(lock), { recursive: true });
	const deadline = Date.now() + timeoutMs;
	let told = false;
	for (;;) {
		try {
			const fd = openSync(lock, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
			if (holder > 0 && !alive(holder)) {
				rmSync(lock, { force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`another build (process ${holder}) has held ${lock} for too long; if none is running, delete that file`);
			if (!told) out.info(`Waiting for another build of this project (process ${holder}) to finish…`);
			told = true;
			await sleep(250);
		}
	}
	try {
		return await task();
	} finally {
		rmSync(lock, { force: true });
	}
}
