/**
 * The panel reopens on the next page of a procedure: the page script tells the background when the
 * person opens or closes it, and asks on the next page (entrypoints/background/panel.ts). Only our
 * page script may, for its own tab and site; the page itself never sees it.
 */
import { describe, expect, it } from 'vitest';
import { contentSender, pageSender, send, startBackground } from './senders';

startBackground(['panel']);

const SITE = 'https://www.caf.fr';

describe('the panel’s open state, per tab, in the background', () => {
  it('is kept for the same tab and site, and forgotten when closed', async () => {
    const first = contentSender(`${SITE}/aides/identite`, 31);
    expect(await send({ type: 'pasapas:panel-open' }, first)).toEqual({ open: false });
    await send({ type: 'pasapas:panel-open', open: true }, first);
    // The form's next page, in the same tab.
    const next = contentSender(`${SITE}/aides/foyer`, 31);
    expect(await send({ type: 'pasapas:panel-open' }, next)).toEqual({ open: true });
    // Another tab, or another site in this tab: not opened there.
    expect(await send({ type: 'pasapas:panel-open' }, contentSender(`${SITE}/aides/foyer`, 32))).toEqual({
      open: false,
    });
    expect(
      await send({ type: 'pasapas:panel-open' }, contentSender('https://boutique.example/', 31)),
    ).toEqual({ open: false });
    await send({ type: 'pasapas:panel-open', open: false }, next);
    expect(await send({ type: 'pasapas:panel-open' }, next)).toEqual({ open: false });
  });

  it('is refused to our extension pages and to a bad payload', async () => {
    expect(await send({ type: 'pasapas:panel-open' }, pageSender('/options.html'))).toEqual({
      refused: 'sender',
    });
    expect(
      await send({ type: 'pasapas:panel-open', open: 'yes' }, contentSender(`${SITE}/aides/identite`, 31)),
    ).toEqual({ refused: 'payload' });
  });
});
