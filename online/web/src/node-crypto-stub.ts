/**
 * Stands in for `node:crypto` in the browser bundle. Shared contract modules import it for hashing
 * that only servers do (event content hashes, pseudonyms); the web app never calls those, and if it
 * ever did this fails loudly instead of hashing wrongly.
 */
function serverOnly(): never {
  throw new Error('node:crypto is not available in the browser');
}

export const createHash = serverOnly;
export const createHmac = serverOnly;
export const randomBytes = serverOnly;
