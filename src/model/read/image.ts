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
