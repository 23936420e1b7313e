import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import {
  AlgorithmIdentifier,
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from "pkijs";

/**
 * The CMS SignedData of a seal (ETSI.CAdES.detached, PAdES baseline B-B): RSA with SHA-256,
 * signed attributes contentType, messageDigest and signing-certificate-v2, no signing-time
 * (PAdES puts the time in the signature dictionary, which the signature covers).
 *
 * Built and read with pkijs. The encoding is fully determined by (certificates, digest,
 * signature value): every SET OF is sorted as DER wants, and the certificates go in as they
 * were encoded. Verification rebuilds it from those and compares bytes, so no byte of the
 * container can change unseen.
 */

export const OID = {
  signedData: "1.2.840.113549.1.7.2",
  data: "1.2.840.113549.1.7.1",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

export interface CmsCertificates {
  /** DER of the certificate whose key signs. */
  signer: Buffer;
  /** DER of the other certificates to embed (its chain), in any order. */
  others: Buffer[];
}

/** What a verifier needs from a container, read without judging its form. */
export interface SignedDataParts {
  certificates: CmsCertificates;
  signature: Buffer;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** The messageDigest attribute, or null when there is none. */
  messageDigest: Buffer | null;
  /** The signed attributes as the signature covers them (a SET, as encoded in the container). */
  signedAttributes: Buffer;
}

export class CmsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CmsError";
  }
}

/** The signed attributes, DER-encoded as the SET OF that the signature covers. */
export function signedAttributes(certificates: CmsCertificates, digest: Buffer): Buffer {
  const set = Buffer.from(attributesOf(certificates, digest).toSchema().toBER());
  // The same content as the [0] IMPLICIT field, under the SET tag (RFC 5652, 5.4).
  set[0] = 0x31;
  return set;
}

/** ContentInfo with the SignedData, DER. */
export function buildSignedData(certificates: CmsCertificates, digest: Buffer, signature: Buffer): Buffer {
  const signer = Certificate.fromBER(copy(certificates.signer));
  const sha256Algorithm = new AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: sortedCopy([certificates.signer, ...certificates.others]).map((der) => Certificate.fromBER(copy(der))),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        digestAlgorithm: sha256Algorithm,
        signedAttrs: attributesOf(certificates, digest),
        signatureAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  const contentInfo = new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
  return Buffer.from(contentInfo.toSchema().toBER());
}

/** Reads a ContentInfo with a SignedData of one signer; throws when it is not that. */
export function readSignedData(der: Uint8Array): SignedDataParts {
  const contentInfo = ContentInfo.fromBER(copy(der));
  if (contentInfo.contentType !== OID.signedData) throw new CmsError("The container is not a CMS SignedData");
  const signedData = new SignedData({ schema: contentInfo.content });
  const [signerInfo, ...more] = signedData.signerInfos;
  if (!signerInfo || more.length > 0) throw new CmsError(`The container has ${signedData.signerInfos.length} signers, not one`);
  if (!(signerInfo.sid instanceof IssuerAndSerialNumber)) throw new CmsError("The signer is not named by issuer and serial number");
  const sid = signerInfo.sid;
  const all = (signedData.certificates ?? []).map((item) => {
    if (!(item instanceof Certificate)) throw new CmsError("The container holds something other than X.509 certificates");
    return item;
  });
  const signer = all.find((cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber));
  if (!signer) throw new CmsError("The signer's certificate is not in the signature");
  const attributes = signerInfo.signedAttrs;
  if (!attributes) throw new CmsError("The signature has no signed attributes");
  const digestAttributes = attributes.attributes.filter((a) => a.type === OID.messageDigest);
  const digestValue = digestAttributes.length === 1 ? digestAttributes[0]?.values[0] : undefined;
  return {
    certificates: {
      signer: derOf(signer),
      others: all.filter((cert) => cert !== signer).map(derOf),
    },
    signature: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
    signatureAlgorithm: signerInfo.signatureAlgorithm.algorithmId,
    messageDigest: digestValue instanceof asn1js.OctetString ? Buffer.from(digestValue.valueBlock.valueHexView) : null,
    // pkijs keeps the attributes as they were encoded, retagged as a SET.
    signedAttributes: Buffer.from(attributes.encodedValue),
  };
}

/** The length of the one BER value at the start of the bytes (what follows it is padding). */
export function encodedLength(bytes: Uint8Array): number {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1) throw new CmsError(`The container cannot be read: ${parsed.result.error}`);
  return parsed.offset;
}

function attributesOf(certificates: CmsCertificates, digest: Buffer): SignedAndUnsignedAttributes {
  // signing-certificate-v2 binds the signer's certificate to the signature (the certificate
  // itself is not signed otherwise) and, listed after it, every other embedded certificate.
  const essCertIds = [certificates.signer, ...sortedCopy(certificates.others)].map(
    // ESSCertIDv2 with the default hash algorithm (SHA-256), which DER leaves out.
    (cert) => new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(cert) })] }),
  );
  const attributes = [
    new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    new Attribute({
      type: OID.signingCertificateV2,
      values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: essCertIds })] })],
    }),
  ];
  // DER sorts a SET OF by the encodings of its elements.
  const sorted = attributes
    .map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER()) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map((entry) => entry.attribute);
  return new SignedAndUnsignedAttributes({ type: 0, attributes: sorted });
}

function derOf(certificate: Certificate): Buffer {
  return Buffer.from(certificate.toSchema().toBER());
}

/** The bytes in an ArrayBuffer of their own, as the WebCrypto-typed API wants them. */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(bytes);
}

function sortedCopy(buffers: Buffer[]): Buffer[] {
  return [...buffers].sort(Buffer.compare);
}

export function sha256(data: Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}
