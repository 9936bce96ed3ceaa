import * as fc from 'fast-check';

/*
 * fast-check generators of Kubernetes names, written from the Kubernetes rules (not from the
 * library's validators): a DNS-1123 label is 1-63 characters of [a-z0-9-] starting and ending
 * with an alphanumeric; a DNS-1123 subdomain is 1-253 characters of such labels joined by dots.
 */

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const alnum = fc.constantFrom(...ALNUM);
const middle = fc.constantFrom(...ALNUM, '-');

/** A DNS-1123 label of `minLength`..`maxLength` characters; one-character labels are frequent. */
export function dns1123Label(maxLength = 63): fc.Arbitrary<string> {
  const long = fc.tuple(alnum, fc.array(middle, { maxLength: Math.max(0, maxLength - 2) }), alnum)
    .map(([first, rest, last]) => `${first}${rest.join('')}${last}`);
  return fc.oneof(alnum, long);
}

/** A DNS-1123 subdomain (one to four labels), at most 253 characters. */
export function dns1123Subdomain(): fc.Arbitrary<string> {
  return fc.array(dns1123Label(40), { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
}

/** Strings that are not DNS-1123 labels, one family of mistakes per branch. */
export function invalidDns1123Label(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(''),
    dns1123Label().map((l) => `-${l}`), // leading dash
    dns1123Label().map((l) => `${l}-`), // trailing dash
    dns1123Label(30).map((l) => `${l}_x`), // underscore
    dns1123Label(30).map((l) => `${l}.x`), // dot (valid in a subdomain, not in a label)
    dns1123Label(30).map((l) => l.toUpperCase() + 'A'), // upper case
    fc.array(alnum, { minLength: 64, maxLength: 80 }).map((c) => c.join('')), // too long
  );
}

/** Strings that are not DNS-1123 subdomains. */
export function invalidDns1123Subdomain(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(''),
    dns1123Subdomain().map((s) => `-${s}`),
    dns1123Subdomain().map((s) => `${s}.`),
    dns1123Subdomain().map((s) => `${s}..x`),
    dns1123Subdomain().map((s) => `${s}_x`),
    dns1123Subdomain().map((s) => `${s}A`),
    dns1123Subdomain().map((s) => `${s}:x`),
    fc.array(alnum, { minLength: 254, maxLength: 260 }).map((c) => c.join('')),
  );
}

/**
 * Another name that differs from `name` by one edit (suffix, prefix, dropped or replaced last
 * character), so prefix/suffix matching would be caught.
 */
export function mutatedName(name: string): fc.Arbitrary<string> {
  const candidates = [`${name}x`, `x${name}`, `${name}-x`];
  if (name.length > 1) candidates.push(name.slice(0, -1));
  candidates.push(name.slice(0, -1) + (name.endsWith('a') ? 'b' : 'a'));
  return fc.constantFrom(...candidates.filter((c) => c !== name));
}
