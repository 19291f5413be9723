/**
 * RGB scanlines (draw.ts) as a PNG file: 8-bit truecolour without alpha (a card is opaque), the
 * rows unfiltered, compressed by node:zlib. The same pixels and the same zlib give the same
 * bytes (its version is part of the cards' cache key, src/build/code-hash.ts).
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Scanlines } from './draw.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * zlib's level for the pixels. A card is mostly flat colour: level 3 compresses it to about the
 * size resvg's encoder gave, in a third of the time of the default level 6 (which is ~25% smaller).
 */
export const PNG_LEVEL = 3;

function chunk(type: string, data: Buffer): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

export function encodePng(image: Scanlines): Uint8Array {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(image.width, 0);
	header.writeUInt32BE(image.height, 4);
	// Bit depth 8, colour type 2 (RGB), deflate, adaptive filtering (every row says "none"), no interlace.
	header.set([8, 2, 0, 0, 0], 8);
	const pixels = deflateSync(image.data, { level: PNG_LEVEL });
	return new Uint8Array(Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}
