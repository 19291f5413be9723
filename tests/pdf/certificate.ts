/** A throw-away self-signed signing certificate, made in the test (ASCII subject: node-forge mis-encodes others). */
import forge from 'node-forge';

export interface TestCertificate {
	p12: Uint8Array;
	password: string;
	/** PEM of the private key, to assert it never leaks. */
	keyPem: string;
	commonName: string;
}

export function makeTestCertificate(options: { commonName?: string; password?: string; bits?: number } = {}): TestCertificate {
	const commonName = options.commonName ?? 'Rolebook Test Signer';
	const password = options.password ?? 'test-Pa55word-not-a-secret';
	const keys = forge.pki.rsa.generateKeyPair({ bits: options.bits ?? 2048, e: 0x10001 });
	const cert = forge.pki.createCertificate();
	cert.publicKey = keys.publicKey;
	cert.serialNumber = '01';
	// Valid from well before any effective date in the fixtures.
	cert.validity.notBefore = new Date('2000-01-01T00:00:00Z');
	cert.validity.notAfter = new Date('2099-12-31T00:00:00Z');
	const subject = [
		{ name: 'commonName', value: commonName },
		{ name: 'organizationName', value: 'Rolebook Tests' },
		{ name: 'countryName', value: 'GB' },
	];
	cert.setSubject(subject);
	cert.setIssuer(subject);
	cert.setExtensions([
		{ name: 'basicConstraints', cA: false },
		{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
	]);
	cert.sign(keys.privateKey, forge.md.sha256.create());
	const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' });
	const p12 = new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
	return { p12, password, keyPem: forge.pki.privateKeyToPem(keys.privateKey), commonName };
}
