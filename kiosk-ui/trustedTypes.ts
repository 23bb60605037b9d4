import type {
  TrustedScriptURL,
  TrustedTypePolicy,
  TrustedTypePolicyFactory,
} from 'trusted-types/lib';

/**
 * The only Trusted Types policy of the kiosk (CSP: `require-trusted-types-for 'script';
 * trusted-types budayang`). It turns nothing into HTML: it only vouches for our own script URLs,
 * the service worker and same-origin workers that Vite emits.
 */
const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;

const policy: Pick<TrustedTypePolicy, 'createScriptURL'> | undefined = factory?.createPolicy(
  'budayang',
  {
    createScriptURL(input: string) {
      const url = new URL(input, location.href);
      if (url.origin !== location.origin) {
        throw new TypeError(`Trusted Types: only same-origin scripts may run, not ${url.origin}`);
      }
      return url.href;
    },
  },
);

/** A same-origin script URL, vouched for where the browser enforces Trusted Types. */
export function trustedScriptUrl(url: string): string | TrustedScriptURL {
  return policy ? policy.createScriptURL(url) : url;
}

let plainTextAdmitted = false;

/**
 * The `default` policy, installed before a library that writes text through `innerHTML`
 * (simple-keyboard's key labels and pinyin candidates) first runs. It admits only strings that
 * cannot make an element: no `<`, so nothing is parsed as markup; anything else is refused as
 * before. CSP lists it (`trusted-types budayang default`).
 */
export function admitPlainTextHtml(): void {
  if (plainTextAdmitted || !factory) return;
  factory.createPolicy('default', {
    createHTML(input: string) {
      if (input.includes('<'))
        throw new TypeError('Trusted Types: only plain text may be written as HTML');
      return input;
    },
  });
  plainTextAdmitted = true;
}
