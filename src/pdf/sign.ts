/**
 * Digital signatures of approved job descriptions (PAdES-style `adbe.pkcs7.detached`, SHA-256).
 *
 * The certificate is a PKCS#12 file and its password, given only through the environment:
 *   ROLEBOOK_SIGNING_P12          path to the .p12 / .pfx file, or
 *   ROLEBOOK_SIGNING_P12_BASE64   its content, base64 (for CI secrets)
 *   ROLEBOOK_SIGNING_PASSWORD     its password (may be empty)
 * Neither the password nor any key material is ever written to output, logs or errors; cache
 * keys use a hash of the certificate file, never the password.
 *
 * The signature goes into the approver's existing signature field (`approval-signature`):
 * drawing writes a /Sig dictionary with a /ByteRange placeholder and zeroed /Contents as that
 * field's /V (see `signaturePlaceholder`), then `signPdfBytes` fills in the byte range and the
 * PKCS#7 signature with @signpdf. Reason and signing time come from the content (document
 * number, version, effective date), and RSA PKCS#1 v1.5 signatures are deterministic, so the
 * same content and certificate always give the same bytes.
 */
import { constants, createHash, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFHexString, PDFInvalidObject, type PDFContext, type PDFRef } from 'pdf-lib';

/** A PKCS#12 certificate to sign with. Never print it. */
export interface SigningCertificate {
	/** The .p12 file's bytes. */
	p12: Uint8Array;
	password: string;
	/** SHA-256 of the .p12 bytes (hex): what cache keys use. Not secret. */
	fingerprint: string;
}

/** Raised when the certificate cannot be used; the message never contains the password or key material. */
export class SigningError extends Error {
	override name = 'SigningError';
}

export const SIGNING_ENV = { file: 'ROLEBOOK_SIGNING_P12', base64: 'ROLEBOOK_SIGNING_P12_BASE64', password: 'ROLEBOOK_SIGNING_PASSWORD' } as const;

/** The one line builds print when nothing is signed. */
export const UNSIGNED_NOTICE = `PDFs are not digitally signed: no certificate (set ${SIGNING_ENV.file} or ${SIGNING_ENV.base64}, and ${SIGNING_ENV.password}, to sign approved PDFs).`;

export function signingCertificate(p12: Uint8Array, password: string): SigningCertificate {
	const certificate = { p12, password, fingerprint: createHash('sha256').update(p12).digest('hex') };
	// Open it once now, so a wrong password or a broken file stops the build before any work.
	loadKey(certificate);
	return certificate;
}

/** The certificate from the environment, or undefined when none is configured. Throws SigningError when it is configured but unusable. */
export function signingCertificateFromEnv(env: NodeJS.ProcessEnv = process.env): SigningCertificate | undefined {
	const file = env[SIGNING_ENV.file];
	const base64 = env[SIGNING_ENV.base64];
	if (!file && !base64) return undefined;
	if (file && base64) throw new SigningError(`set either ${SIGNING_ENV.file} or ${SIGNING_ENV.base64}, not both.`);
	let p12: Uint8Array;
	if (file) {
		try {
			p12 = new Uint8Array(readFileSync(file));
		} catch {
			throw new SigningError(`the signing certificate named by ${SIGNING_ENV.file} cannot be read (${file}).`);
		}
	} else {
		p12 = new Uint8Array(Buffer.from(base64!, 'base64'));
		if (p12.length === 0) throw new SigningError(`${SIGNING_ENV.base64} is not base64 of a PKCS#12 file.`);
	}
	return signingCertificate(p12, env[SIGNING_ENV.password] ?? '');
}

interface Key {
	privateKey: forge.pki.rsa.PrivateKey;
	/** The same key for Node's crypto: RSA in OpenSSL is ~50× faster than in JavaScript. */
	nodeKey: KeyObject;
	certificate: forge.pki.Certificate;
	chain: forge.pki.Certificate[];
}

/** Parsed keys per certificate (parsing a .p12 runs its key derivation: done once per process). */
const keys = new Map<string, Key>();

function loadKey(certificate: SigningCertificate): Key {
	const id = createHash('sha256').update(certificate.fingerprint).update(certificate.password).digest('hex');
	let key = keys.get(id);
	if (key) return key;
	const where = `the signing certificate (${SIGNING_ENV.file} / ${SIGNING_ENV.base64})`;
	let p12: forge.pkcs12.Pkcs12Pfx;
	try {
		const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(certificate.p12).toString('binary')));
		p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, certificate.password);
	} catch {
		// forge's own message is not passed on: only ever say what the user can act on.
		throw new SigningError(`${where} cannot be opened: not a PKCS#12 file, or the password in ${SIGNING_ENV.password} is wrong.`);
	}
	const bags = (type: string | undefined): forge.pkcs12.Bag[] => p12.getBags({ bagType: type! })[type!] ?? [];
	const certificates = bags(forge.pki.oids.certBag).flatMap((bag) => (bag.cert ? [bag.cert] : []));
	const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)];
	const privateKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
	if (!privateKey || !('n' in privateKey)) throw new SigningError(`${where} holds no RSA private key (only RSA keys are supported).`);
	const own = certificates.find((cert: forge.pki.Certificate) => {
		const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
		return 'n' in publicKey && publicKey.n.compareTo(privateKey.n) === 0 && publicKey.e.compareTo(privateKey.e) === 0;
	});
	if (!own) throw new SigningError(`${where} holds no certificate matching its private key.`);
	key = { privateKey, nodeKey: createPrivateKey(forge.pki.privateKeyToPem(privateKey)), certificate: own, chain: certificates };
	keys.set(id, key);
	return key;
}

/** The signer's name as the certificate states it: the subject's common name (else its organisation). */
export function signerName(certificate: SigningCertificate): string {
	const subject = loadKey(certificate).certificate.subject;
	const value = (subject.getField('CN') ?? subject.getField('O'))?.value;
	// forge keeps attribute values as binary strings of their UTF-8 bytes.
	return typeof value === 'string' ? Buffer.from(value, 'binary').toString('utf8') : '';
}

/** DER prefix of a PKCS#1 DigestInfo for SHA-256; the hash follows. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The private key as node-forge's PKCS#7 code uses it (`sign(md)` → binary string), computed
 * with OpenSSL: RSASSA-PKCS1-v1_5 is private-key encryption of the DigestInfo with type-1
 * padding — deterministic, byte for byte what forge computes.
 */
function opensslSigningKey(key: Key): forge.pki.rsa.PrivateKey {
	const sign = (md: forge.md.MessageDigest) => {
		if (md.algorithm !== 'sha256') throw new Error(`internal: unexpected digest ${md.algorithm}`);
		const digest = Buffer.from(md.digest().getBytes(), 'binary');
		return privateEncrypt({ key: key.nodeKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest])).toString('binary');
	};
	return Object.assign(Object.create(key.privateKey) as forge.pki.rsa.PrivateKey, { sign });
}

/** @signpdf signer over an already opened key: PKCS#7 detached, SHA-256, a fixed signing time. */
class ForgeSigner extends Signer {
	constructor(private readonly key: Key) {
		super();
	}

	override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
		if (!signingTime) throw new Error('internal: a signing time is required (reproducible output)');
		const p7 = forge.pkcs7.createSignedData();
		p7.content = forge.util.createBuffer(pdf.toString('binary'));
		for (const cert of this.key.chain) p7.addCertificate(cert);
		p7.addSigner({
			key: opensslSigningKey(this.key),
			certificate: this.key.certificate,
			digestAlgorithm: forge.pki.oids.sha256!,
			// The order @signpdf/signer-p12 uses (the one EU validators expect).
			authenticatedAttributes: [
				{ type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
				{ type: forge.pki.oids.signingTime!, value: signingTime as unknown as string },
				{ type: forge.pki.oids.messageDigest! },
			],
		});
		p7.sign({ detached: true });
		return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
	}
}

/** What the signature says, all from the content. */
export interface SignatureInfo {
	/** E.g. "Approved: JD-SAL-002 version 3". */
	reason: string;
	/** The approver's name as printed. */
	name: string;
	/** Signing time: the role's effective date, ISO (YYYY-MM-DD), taken as 00:00 UTC. */
	date: string;
	/** Company, as /Location. */
	location: string;
}

/** Bytes reserved for the PKCS#7 signature (hex doubles it): enough for a certificate chain of a few 4096-bit certificates. */
export const SIGNATURE_LENGTH = 16_384;
const BYTE_RANGE_PLACEHOLDER = '**********';

export function signingTime(info: SignatureInfo): Date {
	const date = new Date(`${info.date}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) throw new Error(`internal: invalid signing date "${info.date}"`);
	return date;
}

function pdfDate(date: Date): string {
	return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/**
 * The /Sig dictionary with placeholders, registered as an object pdf-lib writes verbatim (never
 * inside a compressed object stream, where @signpdf could not find the /ByteRange). Set it as
 * the signature field's /V and set /SigFlags 3 on the /AcroForm.
 */
export function signaturePlaceholder(context: PDFContext, info: SignatureInfo): PDFRef {
	const text = (value: string) => PDFHexString.fromText(value).toString();
	const dict = [
		'<<',
		'/Type /Sig',
		'/Filter /Adobe.PPKLite',
		'/SubFilter /adbe.pkcs7.detached',
		`/ByteRange [0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER}]`,
		`/Contents <${'0'.repeat(SIGNATURE_LENGTH * 2)}>`,
		`/Reason ${text(info.reason)}`,
		`/Name ${text(info.name)}`,
		`/Location ${text(info.location)}`,
		`/M (${pdfDate(signingTime(info))})`,
		'>>',
	].join('\n');
	return context.register(PDFInvalidObject.of(new TextEncoder().encode(dict)));
}

/** Fills the placeholder of a drawn PDF: byte range and PKCS#7 signature. */
export async function signPdfBytes(pdf: Uint8Array, certificate: SigningCertificate, info: SignatureInfo): Promise<Uint8Array> {
	const signer = new ForgeSigner(loadKey(certificate));
	const signed = await new SignPdf().sign(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), signer, signingTime(info));
	return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
