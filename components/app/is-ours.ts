/**
 * "Is this node ours": inside any of our hosts (the panel, the guide's highlight, the resume banner,
 * the readable view), through our shadow roots. Page work (autosave, reading aloud, the fields
 * offered to fill) leaves our own DOM alone. Shared through the panel's services.
 */
export function isOurs(node: Node | null): boolean {
  let n: Node | null = node;
  while (n) {
    if (n.nodeType === 1 && (n as Element).hasAttribute('data-pasapas-host')) return true;
    n = n.parentNode ?? (n as ShadowRoot).host ?? null;
  }
  return false;
}
