/**
 * What an image file is, by its bytes rather than its name: PNG, JPEG or SVG, and its size in
 * pixels. A logo renamed from .webp to .png, or an HTML error page saved as logo.svg, is caught
 * here before it reaches a job board or a link-preview card.
 */

export type ImageType = 'png' | 'jpeg' | 'svg';

export interface ImageInfo {
	type: ImageType;
	/** Pixels; for SVG the width and height attributes, or the viewBox. Undefined when the file does not say. */
	width?: number;
	height?: number;
}

export const IMAGE_MIME: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
	if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return png(bytes);
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
	return svg(bytes);
}

function png(bytes: Uint8Array): ImageInfo {
	// The first chunk is IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const isIhdr = bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
	return isIhdr ? { type: 'png', width: view.getUint32(16), height: view.getUint32(20) } : { type: 'png' };
}

function jpeg(bytes: Uint8Array): ImageInfo {
	// Walk the segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC).
	let offset = 2;
	while (offset + 9 < bytes.length) {
		if (bytes[offset] !== 0xff) return { type: 'jpeg' };
		const marker = bytes[offset + 1]!;
		const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { type: 'jpeg', height: (bytes[offset + 5]! << 8) | bytes[offset + 6]!, width: (bytes[offset + 7]! << 8) | bytes[offset + 8]! };
		}
		offset += 2 + length;
	}
	return { type: 'jpeg' };
}

function svg(bytes: Uint8Array): ImageInfo | undefined {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
	} catch {
		return undefined;
	}
	// An SVG document: optional XML declaration, comments and doctype, then the <svg> root.
	const root = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b([^>]*)>/i.exec(text);
	if (!root) return undefined;
	const attributes = root[1]!;
	const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)\\s*(?:px)?\\s*["']`).exec(attributes)?.[1];
	const width = attribute('width');
	const height = attribute('height');
	if (width && height) return { type: 'svg', width: Number(width), height: Number(height) };
	const viewBox = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/.exec(attributes);
	return viewBox ? { type: 'svg', width: Number(viewBox[1]), height: Number(viewBox[2]) } : { type: 'svg' };
}

/** Raster formats a role or chapter body may show: what the build's image pipeline (sharp) reads and turns into WebP. */
export type BodyImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif';

/** File name extensions the build processes as such an image (Astro's VALID_INPUT_FORMATS, SVG and TIFF left out). */
export const BODY_IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);

export interface BodyImageInfo {
	type: BodyImageType | 'svg';
	width?: number;
	height?: number;
	/** False when the file is cut off: its format's end marker is missing. */
	complete: boolean;
}

/**
 * What an image a body shows is, by its bytes: one of the raster formats, or an SVG (which a
 * body may not show), with its size and whether the file is whole. Undefined when it is neither
 * (a text file, an HTML page, a PDF, a TIFF…). `bytes` is the whole file.
 */
export function sniffBodyImage(bytes: Uint8Array): BodyImageInfo | undefined {
	const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
	if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
		// The last chunk is IEND: length 0, type "IEND", its CRC AE 42 60 82.
		return { ...png(bytes), complete: bytes.length >= 12 && ascii(bytes.length - 8, bytes.length - 4) === 'IEND' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
		// An end-of-image marker FF D9, usually the last two bytes (some cameras pad after it).
		const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
		let complete = false;
		for (let index = tail.length - 2; index >= 0 && !complete; index--) complete = tail[index] === 0xff && tail[index + 1] === 0xd9;
		return { ...jpeg(bytes), complete };
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
		// The trailer byte 0x3B ends the data stream (a few bytes of padding may follow).
		return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true), complete: bytes.subarray(Math.max(13, bytes.length - 16)).includes(0x3b) };
	}
	if (bytes.length >= 16 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
		// The RIFF header counts the bytes after its first 8.
		const complete = view.getUint32(4, true) + 8 <= bytes.length;
		const chunk = ascii(12, 16);
		if (chunk === 'VP8 ' && bytes.length >= 30) return { type: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff, complete };
		if (chunk === 'VP8L' && bytes.length >= 25) {
			const bits = view.getUint32(21, true);
			return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, complete };
		}
		if (chunk === 'VP8X' && bytes.length >= 30) {
			const width = (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)) + 1;
			const height = (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16)) + 1;
			return { type: 'webp', width, height, complete };
		}
		return { type: 'webp', complete };
	}
	if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) {
		// The image spatial extents property ("ispe"): version and flags, then width and height.
		const ispe = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('ispe');
		const sized = ispe !== -1 && ispe + 16 <= bytes.length;
		return { type: 'avif', ...(sized ? { width: view.getUint32(ispe + 8), height: view.getUint32(ispe + 12) } : {}), complete: true };
	}
	const vector = svg(bytes);
	return vector ? { ...vector, type: 'svg', complete: true } : undefined;
}
