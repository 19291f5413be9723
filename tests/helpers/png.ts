/** Reading PNGs in tests: the size from the IHDR chunk, and the pixels of the 8-bit RGB and RGBA files the cards are. */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function bytesOf(file: string | Uint8Array): Buffer {
	const bytes = Buffer.from(typeof file === 'string' ? readFileSync(file) : file);
	if (!bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
	return bytes;
}

/** Width and height of a PNG from its IHDR chunk, which the format puts first. */
export function pngSize(file: string | Uint8Array): { width: number; height: number } {
	const bytes = bytesOf(file);
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface RgbImage {
	width: number;
	height: number;
	/** 3 bytes per pixel, rows top to bottom; an alpha channel is dropped. */
	rgb: Uint8Array;
}

/** The pixels of a non-interlaced 8-bit RGB or RGBA PNG, any row filters. */
export function decodePng(file: string | Uint8Array): RgbImage {
	const bytes = bytesOf(file);
	const idat: Buffer[] = [];
	let width = 0;
	let height = 0;
	let channels = 0;
	for (let offset = 8; offset < bytes.length; ) {
		const length = bytes.readUInt32BE(offset);
		const type = bytes.toString('latin1', offset + 4, offset + 8);
		const data = bytes.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			const [depth, colorType, , , interlace] = data.subarray(8, 13);
			channels = colorType === 2 ? 3 : colorType === 6 ? 4 : 0;
			if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
		} else if (type === 'IDAT') idat.push(data);
		offset += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	const rgb = new Uint8Array(width * height * 3);
	let previous = new Uint8Array(stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)]!;
		const row = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
		for (let x = 0; x < stride; x++) {
			const left = x >= channels ? row[x - channels]! : 0;
			const up = previous[x]!;
			const upLeft = x >= channels ? previous[x - channels]! : 0;
			let predicted = 0;
			if (filter === 1) predicted = left;
			else if (filter === 2) predicted = up;
			else if (filter === 3) predicted = (left + up) >> 1;
			else if (filter === 4) {
				const p = left + up - upLeft;
				const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
				predicted = a <= b && a <= c ? left : b <= c ? up : upLeft;
			}
			row[x] = (row[x]! + predicted) & 0xff;
		}
		for (let x = 0; x < width; x++) rgb.set(row.subarray(x * channels, x * channels + 3), (y * width + x) * 3);
		previous = row;
	}
	return { width, height, rgb };
}

/** How far apart two images of the same size are: mean difference per channel (0–255), and the share of pixels that differ by more than a quarter in some channel. */
export function imageDifference(a: RgbImage, b: RgbImage): { mean: number; farPixels: number } {
	if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
	let sum = 0;
	let far = 0;
	for (let i = 0; i < a.rgb.length; i += 3) {
		let most = 0;
		for (let c = 0; c < 3; c++) {
			const d = Math.abs(a.rgb[i + c]! - b.rgb[i + c]!);
			sum += d;
			if (d > most) most = d;
		}
		if (most > 64) far++;
	}
	return { mean: sum / a.rgb.length, farPixels: far / (a.width * a.height) };
}
