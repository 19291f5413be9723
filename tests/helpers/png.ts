/** Width and height of a PNG from its IHDR chunk, which the format puts first. */
import { readFileSync } from 'node:fs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(file: string | Uint8Array): { width: number; height: number } {
	const bytes = Buffer.from(typeof file === 'string' ? readFileSync(file) : file);
	if (!bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
