/**
 * A password stays a password: "show" buttons turn `type=password` into `type=text` on the same
 * element, and the page's script keeps that element. Every element seen as a password (or inside
 * a DSFR password component) is remembered for the life of the page, so it stays sensitive.
 */
const everPassword = new WeakSet<Element>();

/** True when `el` is, or was ever seen as, a password field. Call it whenever fields are looked at. */
export function wasEverPassword(el: Element): boolean {
  if (everPassword.has(el)) return true;
  const isPassword =
    (el.localName === 'input' && (el as HTMLInputElement).type === 'password') ||
    (el.localName === 'input' &&
      el.closest('.fr-password') !== null &&
      (el as HTMLInputElement).type === 'text');
  if (isPassword) everPassword.add(el);
  return isPassword;
}
