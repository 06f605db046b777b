/**
 * Calls `onChange(url, previousUrl)` when the page's URL changes without a reload (single-page
 * apps). Wraps history.pushState/replaceState when they are reachable (the widget, same world),
 * listens to popstate/hashchange and the Navigation API, and polls location.href because a
 * content script lives in an isolated world where the page's own pushState calls are invisible.
 */
export function watchRoute(
  win: Window,
  onChange: (url: string, previous: string) => void,
  { pollMs = 500 } = {},
): () => void {
  let last = win.location.href;
  let active = true;
  const check = () => {
    if (!active) return;
    let now: string;
    try {
      now = win.location.href;
    } catch {
      return;
    }
    if (now === last) return;
    const previous = last;
    last = now;
    try {
      onChange(now, previous);
    } catch {
      // A failing listener must not stop route watching.
    }
  };
  const history = win.history;
  const original = { pushState: history.pushState, replaceState: history.replaceState };
  const wrap = (name: 'pushState' | 'replaceState') => {
    const fn = original[name];
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      const out = fn.apply(this, args);
      queueMicrotask(check);
      return out;
    };
    try {
      history[name] = wrapped;
    } catch {
      return null;
    }
    return wrapped;
  };
  const wrappedPush = wrap('pushState');
  const wrappedReplace = wrap('replaceState');
  const onEvent = () => check();
  win.addEventListener('popstate', onEvent);
  win.addEventListener('hashchange', onEvent);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  // The Navigation API tells during the app's own pushState, before the app has drawn the new
  // route (a guide would judge the new address against the old page): look once that task is over.
  const onNavigation = () => {
    win.setTimeout(check, 0);
  };
  navigation?.addEventListener?.('currententrychange', onNavigation);
  const timer = setInterval(check, pollMs);
  return () => {
    active = false;
    clearInterval(timer);
    win.removeEventListener('popstate', onEvent);
    win.removeEventListener('hashchange', onEvent);
    navigation?.removeEventListener?.('currententrychange', onNavigation);
    // Only undo our own wrapper: someone may have wrapped it again after us.
    if (wrappedPush && history.pushState === wrappedPush) history.pushState = original.pushState;
    if (wrappedReplace && history.replaceState === wrappedReplace)
      history.replaceState = original.replaceState;
  };
}
