/**
 * The test's way into our closed shadow roots. On a web page the extension's UI lives in closed
 * roots: the page's script reads `host.shadowRoot` as null, and so would Playwright's selectors,
 * which pierce open roots only. The browser's DevTools protocol still sees every root. This follows
 * each page's DOM through it and, for each of our closed roots, gives the host a `shadowRoot`
 * property that returns it, in Playwright's *utility world* (the isolated world where its
 * selectors run, invisible to the page's script) and, unless the test is about what the page's
 * script can reach (`mainWorld: false`), in the page's own world too (for `evaluate` and axe-core).
 * Every locator of the suite then reaches our UI as a person's assistive tools would.
 *
 * Clicks and keys still go through the browser's real input: trusted, like a person's.
 */
import type { CDPSession, Page } from 'playwright-core';

const UTILITY_PREFIX = '__playwright_utility_world_';

type DomNode = {
  nodeId: number;
  backendNodeId: number;
  nodeName?: string;
  frameId?: string;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
};

/**
 * Follows one page's DOM through the DevTools protocol and hands each closed root to the utility
 * world of the page's main frame. Only the top frame: our in-page UI is drawn there.
 */
export async function followClosedRoots(page: Page, options: { mainWorld?: boolean } = {}): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let mainFrameId: string | undefined;
  let utility: number | undefined;
  let main: number | undefined;
  const given = new Set<string>();
  let scheduled = false;
  let closed = false;

  const give = (host: number, root: number) =>
    Promise.all(
      [utility, options.mainWorld === false ? undefined : main].map((context) =>
        context === undefined ? undefined : giveTo(context, host, root),
      ),
    ).then(() => {});
  const giveTo = async (context: number, host: number, root: number) => {
    const key = `${context}:${root}`;
    if (given.has(key)) return;
    given.add(key);
    try {
      const [h, r] = await Promise.all([
        cdp.send('DOM.resolveNode', { backendNodeId: host, executionContextId: context }),
        cdp.send('DOM.resolveNode', { backendNodeId: root, executionContextId: context }),
      ]);
      await cdp.send('Runtime.callFunctionOn', {
        objectId: h.object.objectId,
        functionDeclaration:
          "function (root) { Object.defineProperty(this, 'shadowRoot', { get: () => root, configurable: true }); }",
        arguments: [{ objectId: r.object.objectId }],
      });
    } catch {
      given.delete(key); // the document went away meanwhile: the next refresh tries again
    }
  };
  const visit = (node: DomNode, pending: Promise<void>[]) => {
    for (const root of node.shadowRoots ?? []) {
      if (root.shadowRootType === 'closed') pending.push(give(node.backendNodeId, root.backendNodeId));
      visit(root, pending);
    }
    for (const child of node.children ?? []) visit(child, pending);
  };
  const refresh = async () => {
    scheduled = false;
    if (closed) return;
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const pending: Promise<void>[] = [];
      visit(root as DomNode, pending);
      await Promise.all(pending);
    } catch {
      // the page closed or navigated while we read it
    }
  };
  // Coalesced: a panel render inserts many nodes, one read of the tree follows them all.
  const schedule = () => {
    if (scheduled || closed) return;
    scheduled = true;
    queueMicrotask(() => void refresh());
  };

  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { frameId?: string } | undefined;
    if (!aux?.frameId || aux.frameId !== mainFrameId) return;
    if (context.name.startsWith(UTILITY_PREFIX)) utility = context.id;
    else if ((aux as { isDefault?: boolean }).isDefault) main = context.id;
    else return;
    schedule();
  });
  cdp.on('Runtime.executionContextsCleared', () => {
    utility = undefined;
    main = undefined;
  });
  cdp.on('Page.frameNavigated', ({ frame }) => {
    if (!frame.parentId) mainFrameId = frame.id;
  });
  for (const event of [
    'DOM.documentUpdated',
    'DOM.childNodeInserted',
    'DOM.shadowRootPushed',
    'DOM.setChildNodes',
  ] as const)
    cdp.on(event, schedule);
  page.on('close', () => {
    closed = true;
  });

  const { frameTree } = await cdp.send('Page.getFrameTree');
  mainFrameId = frameTree.frame.id;
  await cdp.send('Page.enable');
  await cdp.send('DOM.enable');
  await cdp.send('Runtime.enable');
  await refresh();
}
