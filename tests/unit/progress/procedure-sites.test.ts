import { describe, expect, it } from 'vitest';
import { parseProcedureSites, procedureSiteKind } from '../../../utils/progress/procedure-sites';
import { savedSites } from '../../../utils/progress/saved-sites';
import { createProgressService } from '../../../utils/progress/service';
import { freshDb, LOW_ITERATIONS, manualClock } from '../storage/helpers';

const ORIGIN = 'http://127.0.0.1:8080';
const LOGEMENT = { guideId: 'fr.demo.aide-logement', origin: ORIGIN, title: 'Aide au logement' };

describe('procedure sites (what the script on every page reads)', () => {
  it('tells a site with saved answers (every site when they are encrypted) from a page a guide knows', () => {
    const sites = parseProcedureSites({
      patterns: ['*://*.impots.example/declarer/*'],
      origins: ['https://caf.example'],
      everywhere: false,
    });
    expect(procedureSiteKind(sites, 'https://www.impots.example/declarer/etape-1')).toBe('guided');
    expect(procedureSiteKind(sites, 'https://www.impots.example/accueil')).toBeNull();
    expect(procedureSiteKind(sites, 'https://caf.example/n-importe-quelle-page')).toBe('saved');
    expect(procedureSiteKind(sites, 'https://caf.example.evil.test/')).toBeNull();
    expect(procedureSiteKind({ patterns: [], origins: [], everywhere: true }, 'https://a.test/')).toBe(
      'saved',
    );
    expect(procedureSiteKind(null, 'https://caf.example/')).toBeNull();
  });

  it('reads a damaged or older value without throwing, keeping only strings', () => {
    expect(parseProcedureSites(undefined)).toBeNull();
    expect(parseProcedureSites('x')).toBeNull();
    expect(
      parseProcedureSites({ patterns: [1, 'https://a.test/*'], origins: 'nope', everywhere: 'yes' }),
    ).toEqual({
      patterns: ['https://a.test/*'],
      origins: [],
      everywhere: false,
    });
    expect(
      procedureSiteKind(parseProcedureSites({ patterns: ['not a pattern'] }), 'https://a.test/'),
    ).toBeNull();
  });

  it('lists the sites of unexpired saved answers, and never a site in clear once answers are encrypted', async () => {
    const db = freshDb();
    const clock = manualClock();
    const clear = createProgressService(db, { clock, iterations: LOW_ITERATIONS });
    expect(await savedSites(db, clock())).toEqual({ origins: [], everywhere: false });
    await clear.startOrGet(LOGEMENT);
    await clear.startOrGet({ ...LOGEMENT, origin: 'https://caf.example' });
    expect(await savedSites(db, clock())).toEqual({
      origins: ['http://127.0.0.1:8080', 'https://caf.example'],
      everywhere: false,
    });
    await db.procedures.toCollection().modify({ expiresAt: clock() + 1000 });
    clock.advance(2000);
    expect(await savedSites(db, clock())).toEqual({ origins: [], everywhere: false });

    const shared = freshDb();
    const service = createProgressService(shared, {
      clock,
      iterations: LOW_ITERATIONS,
      loadConfig: () => ({ enabled: true }) as never,
    });
    await service.choosePin('482193');
    await service.startOrGet(LOGEMENT);
    const sites = await savedSites(shared, clock());
    expect(sites).toEqual({ origins: [], everywhere: true });
    expect(JSON.stringify(sites)).not.toContain('127.0.0.1');
  });
});
