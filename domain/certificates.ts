/** Certificates a person may print about themselves, as the registries issue them. */
export const CERTIFICATE_KINDS = ['property', 'social-insurance', 'tax'] as const;

/** 不动产权属证明 (有房/无房证明), 社保参保证明, 纳税证明 */
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/**
 * A certificate the registry issued for this person, now: its serial, what it states, and where
 * it can be verified. The kiosk prints it; it decides nothing of its content.
 */
export interface Certificate {
  /** `item`: the result of a catalog item decided at the kiosk (domain/applications.ts). */
  kind: CertificateKind | 'item';
  /** The registry's number for this certificate; unique, so it is its print journal key too. */
  serial: string;
  title: string;
  /** The issuing body, printed as the certificate's source. */
  issuer: string;
  /** The rows of the certificate: label, value. */
  rows: readonly (readonly [string, string])[];
  /** The sentence it certifies, e.g. 经查询，截至……，该人名下无不动产登记记录。 */
  statement: string;
  /** ISO 8601 */
  issuedAt: string;
  verifyUrl: string;
}
