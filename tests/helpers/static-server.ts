/** A minimal static file server for a built site, optionally under a base path, for browser tests. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.pdf': 'application/pdf',
	'.wasm': 'application/wasm',
};

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/** Compressible types, gzipped when `compress` is on, as a production host would. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.xml', '.txt', '.svg', '.wasm']);

export async function serve(root: string, base = '/', options: { compress?: boolean } = {}): Promise<StaticServer> {
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		let path = decodeURIComponent(url.pathname);
		if (!path.startsWith(base)) {
			response.writeHead(404).end();
			return;
		}
		path = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
		let file = join(root, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		const found = existsSync(file);
		if (!found) file = join(root, '404.html');
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const gzip = options.compress && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
		response.writeHead(found ? 200 : 404, { 'Content-Type': type, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip({ level: 9 })) : stream).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
