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
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

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
 * Follows one page's DOM through the DevTools protocol and hands each closed root to the worlds of
 * the frame it is in (the top frame, and same-process sub-frames where a page script may run).
 */
export async function followClosedRoots(page: Page, options: { mainWorld?: boolean } = {}): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  /** Per frame: Playwright's utility world and the page's own world. */
  const worlds = new Map<string, { utility?: number; main?: number }>();
  const given = new Set<string>();
  let scheduled = false;
  let closed = false;

  const give = (frameId: string | undefined, host: number, root: number) => {
    const w = frameId ? worlds.get(frameId) : undefined;
    return Promise.all(
      [w?.utility, options.mainWorld === false ? undefined : w?.main].map((context) =>
        context === undefined ? undefined : giveTo(context, host, root),
      ),
    ).then(() => {});
  };
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
  const visit = (node: DomNode, frameId: string | undefined, pending: Promise<void>[]) => {
    for (const root of node.shadowRoots ?? []) {
      if (root.shadowRootType === 'closed')
        pending.push(give(frameId, node.backendNodeId, root.backendNodeId));
      visit(root, frameId, pending);
    }
    for (const child of node.children ?? []) visit(child, frameId, pending);
    // A frame's document: its nodes belong to that frame's worlds.
    if (node.contentDocument) visit(node.contentDocument, node.frameId ?? frameId, pending);
  };
  const refresh = async () => {
    scheduled = false;
    if (closed) return;
    try {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const pending: Promise<void>[] = [];
      visit(root as DomNode, frameTree.frame.id, pending);
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
    const aux = context.auxData as { frameId?: string; isDefault?: boolean } | undefined;
    if (!aux?.frameId) return;
    const w = worlds.get(aux.frameId) ?? {};
    if (context.name.startsWith(UTILITY_PREFIX)) w.utility = context.id;
    else if (aux.isDefault) w.main = context.id;
    else return;
    worlds.set(aux.frameId, w);
    schedule();
  });
  // Context ids and node ids start again from 1 in a new renderer process (a navigation to another
  // site, or back): what was given in a gone context must not count as given in its namesake.
  const forget = (context: number) => {
    for (const key of given) if (key.startsWith(`${context}:`)) given.delete(key);
  };
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    forget(executionContextId);
    for (const w of worlds.values()) {
      if (w.utility === executionContextId) w.utility = undefined;
      if (w.main === executionContextId) w.main = undefined;
    }
  });
  cdp.on('Runtime.executionContextsCleared', () => {
    worlds.clear();
    given.clear();
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

  await cdp.send('DOM.enable');
  await cdp.send('Runtime.enable');
  await refresh();
}

/** Every page of a context, those open now and those to come. */
export async function followClosedRootsIn(context: BrowserContext, options: { mainWorld?: boolean } = {}) {
  context.on('page', (page) => void followClosedRoots(page, options));
  await Promise.all(context.pages().map((page) => followClosedRoots(page, options)));
}
