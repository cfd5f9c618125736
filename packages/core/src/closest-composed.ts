/** The nearest ancestor of `element` named `tagName`, crossing shadow roots to their hosts. */
export function closestComposed(element: Element, tagName: string): Element | undefined {
  for (let node: Node | null = element.parentNode; node;) {
    if (node instanceof Element && node.localName === tagName) return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
