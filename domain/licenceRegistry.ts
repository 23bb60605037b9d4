import type { Certificate, CertificateKind } from './certificates';
import type { PrintableLicence } from './licences';
import type { AddressPath, RealEstateRecord } from './realEstate';

/**
 * The 电子证照库 and the registers behind it, as the kiosk asks them: every call may reject
 * (the server does not answer), and the flows say so and let the citizen try again.
 */
export interface LicenceRegistry {
  /** The licences waiting to be printed that this person may print (as legal representative or agent). */
  printableLicences(idNumber: string): Promise<PrintableLicence[]>;
  /** Issues a certificate about this person now. */
  issueCertificate(kind: CertificateKind, idNumber: string, name: string): Promise<Certificate>;
  /** The next level of an address: the districts for [], the estates of a street, … [] when complete. */
  addressOptions(path: AddressPath): Promise<string[]>;
  /** The unit at a complete address, or null. */
  realEstateAt(path: AddressPath): Promise<RealEstateRecord | null>;
}
