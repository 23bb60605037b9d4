export * from './mockLicenceRegistry';
export { SEED_ENTERPRISES, SEED_REAL_ESTATE, creditCodeFor } from './registrySeed';
