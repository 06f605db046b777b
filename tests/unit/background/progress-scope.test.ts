/**
 * The background's progress handlers behind the router (issue 10): a web page's script speaks for
 * its own origin only, our extension pages see everything, nothing else is heard. The real
 * modules run on WXT's fake browser (`wxt/browser` is `fakeBrowser` in the unit project) and
 * fake-indexeddb (the background opens its Dexie database at import).
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../../../utils/storage/codec';
import type { ProcedureSummary } from '../../../utils/storage/progress';
import { answered, contentSender, errorCode, pageSender, progress, send, startBackground } from './senders';

startBackground(['progress']);

const A = 'https://www.caf.fr';
const B = 'https://evil.example';
const siteA = contentSender(`${A}/aides/logement/identite`, 11);
const siteB = contentSender(`${B}/page`, 12);
const options = pageSender('/options.html', { tabId: 30 });
const GUIDE_A = 'fr.demo.aide-logement';
const field = (name: string, path = '/aides/logement/identite') => ({
  name,
  formIndex: 0,
  position: 0,
  path,
});

let a: Procedure;
let b: Procedure;

beforeAll(async () => {
  // Site A's page script starts its procedure and saves answers, as the panel does.
  a = answered(
    await progress('progress:site', siteA, 'startOrGet', [
      { guideId: GUIDE_A, origin: A, title: 'Aide au logement' },
    ]),
  );
  const saved = answered<{ saved: boolean }[]>(
    await progress('progress:site', siteA, 'saveMany', [
      [
        { procedureId: a.id, identity: field('nom'), value: 'Martin' },
        { procedureId: a.id, identity: field('iban'), value: 'FR7630006000011234567890189' },
      ],
    ]),
  );
  expect(saved.map((s) => s.saved)).toEqual([true, true]);
  // Site B has a procedure of its own, so its list is not empty by accident.
  b = answered(
    await progress('progress:site', siteB, 'startOrGet', [{ guideId: 'b.guide', origin: B, title: 'B' }]),
  );
});

describe('a content script of site A', () => {
  it('finds its procedure, its last page and its list again', async () => {
    expect(answered<Procedure>(await progress('progress:site', siteA, 'find', [GUIDE_A, A])).id).toBe(a.id);
    expect(answered(await progress('progress:site', siteA, 'lastPage', [a.id]))).toBe(`${A}/`);
    const list = answered<ProcedureSummary[]>(await progress('progress:site', siteA, 'list'));
    expect(list.map((p) => [p.id, p.fieldCount])).toEqual([[a.id, 2]]);
    expect(answered(await progress('progress:site', siteA, 'hasProcedures', [A]))).toBe(true);
  });
});

describe('a content script of site B', () => {
  it('lists only its own procedures: nothing of A', async () => {
    const list = answered<ProcedureSummary[]>(await progress('progress:site', siteB, 'list'));
    expect(list.map((p) => p.id)).toEqual([b.id]);
    expect(JSON.stringify(list)).not.toContain('caf.fr');
  });

  it("is forbidden A's origin and A's procedure id, whatever the method", async () => {
    const forbidden = [
      await progress('progress:site', siteB, 'find', [GUIDE_A, A]),
      await progress('progress:site', siteB, 'hasProcedures', [A]),
      await progress('progress:site', siteB, 'startOrGet', [{ guideId: GUIDE_A, origin: A, title: 'x' }]),
      await progress('progress:site', siteB, 'lastPage', [a.id]),
      await progress('progress:site', siteB, 'restorePlan', [
        a.id,
        [{ identity: field('nom'), currentValue: '' }],
      ]),
      await progress('progress:site', siteB, 'setStep', [a.id, 'identite', true]),
      await progress('progress:site', siteB, 'updateProcedure', [a.id, { title: 'pwned' }]),
      await progress('progress:site', siteB, 'deleteProcedure', [a.id]),
      // One of A's ids hidden among B's own entries is enough to refuse the whole batch.
      await progress('progress:site', siteB, 'saveMany', [
        [
          { procedureId: b.id, identity: field('x', '/page'), value: 'b' },
          { procedureId: a.id, identity: field('nom'), value: 'Écrasé' },
        ],
      ]),
      await progress('progress:site', siteB, 'saveMany', [[{ identity: field('nom'), value: 'sans id' }]]),
    ];
    for (const answer of forbidden) expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forbidden.every((answer) => errorCode(answer) === 'forbidden')).toBe(true);

    // And nothing of A moved: same answers, same title, still there.
    const listA = answered<ProcedureSummary[]>(await progress('progress:site', siteA, 'list'));
    expect(listA.map((p) => [p.id, p.title, p.fieldCount])).toEqual([[a.id, 'Aide au logement', 2]]);
    const plan = answered<{ fill: { value: unknown }[] }>(
      await progress('progress:site', siteA, 'restorePlan', [
        a.id,
        [{ identity: field('nom'), currentValue: '' }],
      ]),
    );
    expect(plan.fill.map((f) => f.value)).toEqual(['Martin']);
  });

  it('is refused progress:call entirely (no list of all sites, no export, no wipe)', async () => {
    for (const method of ['list', 'exportFile', 'wipe', 'procedureOrigin', 'setPublicComputer', 'mode']) {
      expect(
        await progress('progress:call', siteB, method, method === 'procedureOrigin' ? [a.id] : []),
      ).toEqual({
        refused: 'sender',
      });
    }
    // The methods that span sites are not even in the page script's table.
    for (const method of ['exportFile', 'importFile', 'wipe', 'choosePin', 'unlock', 'procedureOrigin']) {
      expect(await progress('progress:site', siteB, method)).toEqual({ refused: 'payload' });
    }
    expect(answered<ProcedureSummary[]>(await progress('progress:site', siteA, 'list'))).toHaveLength(1);
  });

  it('cannot borrow the origin in the message or a sub-frame', async () => {
    // The origin is the browser's sender.url, never a field of the message.
    const withOrigin = await send({ type: 'progress:site', method: 'list', args: [], origin: A }, siteB);
    expect(answered<ProcedureSummary[]>(withOrigin as never).map((p) => p.id)).toEqual([b.id]);
    // A frame of site A inside B's page is not our page script (ours runs in top frames only).
    const subFrame = contentSender(`${A}/aides/logement/identite`, 12, { frameId: 4 });
    expect(await progress('progress:site', subFrame, 'list')).toEqual({ refused: 'sender' });
  });
});

describe('senders that are not ours', () => {
  it('another extension is refused, whatever it claims to be', async () => {
    const other = { id: 'another-extension' };
    for (const sender of [
      { ...siteA, ...other },
      { ...options, ...other, url: 'chrome-extension://another-extension/options.html' },
      // Even with our own address in url: the browser-filled id decides.
      { ...options, ...other },
    ]) {
      expect(await progress('progress:site', sender, 'list')).toEqual({ refused: 'sender' });
      expect(await progress('progress:call', sender, 'list')).toEqual({ refused: 'sender' });
      expect(await progress('progress:call', sender, 'exportFile', ['une phrase de passe longue'])).toEqual({
        refused: 'sender',
      });
    }
  });

  it('an extension page not in the table is refused progress:call', async () => {
    for (const path of ['/ocr.html', '/camera.html', '/other.html']) {
      expect(await progress('progress:call', pageSender(path, { tabId: 12, frameId: 3 }), 'list')).toEqual({
        refused: 'sender',
      });
    }
  });
});

describe('our options page', () => {
  it('sees every site, their origins, and exports them', async () => {
    const list = answered<ProcedureSummary[]>(await progress('progress:call', options, 'list'));
    expect(list.map((p) => p.origin).sort()).toEqual([B, A].sort());
    expect(answered(await progress('progress:call', options, 'procedureOrigin', [a.id]))).toBe(A);
    expect(answered<Procedure>(await progress('progress:call', options, 'find', [GUIDE_A, A])).id).toBe(a.id);
    const file = answered<string>(
      await progress('progress:call', options, 'exportFile', ['phrase de passe du test']),
    );
    expect(file.length).toBeGreaterThan(100);
    expect(file).not.toContain('Martin');
    const imported = answered<{ titles: string[] }>(
      await progress('progress:call', options, 'importFile', [file, 'phrase de passe du test']),
    );
    expect(imported.titles.sort()).toEqual(['Aide au logement', 'B']);
  }, 60_000); // the handover file's real key derivation, twice

  it('is never refused nor forbidden, for any progress method', async () => {
    const { PROGRESS_METHODS } = await import('../../../utils/progress/types');
    // Last: wipe, which ends the data of this file's other tests.
    const methods = [...PROGRESS_METHODS.filter((m) => m !== 'wipe'), 'wipe'];
    for (const method of methods) {
      // Empty arguments: a method may fail on them, but at the service, never at the gate.
      const answer = await progress('progress:call', options, method, []);
      expect(answer, method).not.toHaveProperty('refused');
      expect(errorCode(answer), method).not.toBe('forbidden');
    }
    expect(answered(await progress('progress:call', options, 'list'))).toEqual([]);
  });
});
