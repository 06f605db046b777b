// Progress storage: autosave, restore, unlock and size. Runs in Node on fake-indexeddb (an
// in-memory IndexedDB written in JS): absolute times are NOT browser times, the ratios are
// the point. Each measure sits beside its bare-Dexie reference measured in the same run.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { PBKDF2_ITERATIONS } from '../utils/crypto/kdf.ts';
import { createAutosaver } from '../utils/storage/autosave.ts';
import { openDatabase, type PasapasDB } from '../utils/storage/db.ts';
import { type FieldIdentity, fieldKey } from '../utils/storage/field-identity.ts';
import { createProgressStore } from '../utils/storage/progress.ts';
import { createVault, unlockVault, type Vault } from '../utils/storage/vault.ts';

const RUNS = 5;
const FAST_KDF = 100_000;
let n = 0;
const freshDb = (): PasapasDB => openDatabase(`bench-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const ms = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const CAF = { guideId: 'caf-apl', origin: 'https://www.caf.fr', title: 'Aide au logement' };
const ident = (i: number): FieldIdentity => ({
  name: `champ_${i}`,
  label: `Libellé du champ ${i}`,
  formIndex: 0,
  position: i,
  path: '/demande/etape-1',
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function interleaved(fns: Array<() => Promise<number>>): Promise<number[]> {
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, fn] of fns.entries()) times[k]?.push(await fn());
  }
  return times.map(median);
}

/** 200 keystrokes typing 10 fields of 20 characters each. */
const KEYSTROKES = Array.from({ length: 200 }, (_, k) => ({
  field: Math.floor(k / 20),
  text: 'Dupont-Martin Lyon 1'.slice(0, (k % 20) + 1),
}));

async function withStore(vaulted: boolean) {
  const db = freshDb();
  const vault: Vault | null = vaulted ? await createVault(db, '482193', { iterations: FAST_KDF }) : null;
  const store = createProgressStore(db, { vault });
  const p = await store.startOrGet(CAF);
  return { db, store, p };
}

async function autosaveBurst(vaulted: boolean): Promise<number> {
  const { store, p } = await withStore(vaulted);
  const saver = createAutosaver(store, { delayMs: 60_000, target: null });
  return timed(async () => {
    for (const k of KEYSTROKES) saver.queue(p.id, ident(k.field), k.text);
    await saver.flush();
  });
}

async function barePutPerKeystroke(): Promise<number> {
  const { db, p } = await withStore(false);
  return timed(async () => {
    for (const k of KEYSTROKES) {
      const identity = ident(k.field);
      await db.fieldValues.put({
        procedureId: p.id,
        fieldKey: fieldKey(identity),
        identity,
        value: k.text,
        updatedAt: 0,
      });
    }
  });
}

async function storeSavePerKeystroke(vaulted: boolean): Promise<number> {
  const { store, p } = await withStore(vaulted);
  return timed(async () => {
    for (const k of KEYSTROKES) await store.saveField(p.id, ident(k.field), k.text);
  });
}

async function restoreSetup(vaulted: boolean) {
  const { db, store, p } = await withStore(vaulted);
  await store.saveMany(
    Array.from({ length: 200 }, (_, i) => ({ procedureId: p.id, identity: ident(i), value: `valeur ${i}` })),
  );
  // The page as found on return: half the fields empty, a few reordered.
  const current = Array.from({ length: 200 }, (_, i) => ({
    identity: { ...ident(i), position: i % 10 === 0 ? i + 1 : i },
    currentValue: i % 2 === 0 ? '' : `valeur ${i}`,
  }));
  return { db, store, p, current };
}

async function sizeOf(vaulted: boolean): Promise<{ bytes: number; rows: number }> {
  const { db, store } = await withStore(vaulted);
  await store.wipeAll({ keepGuides: true });
  const vault = vaulted ? await createVault(db, '482193', { iterations: FAST_KDF }) : null;
  store.setVault(vault);
  for (let i = 0; i < 1000; i++) {
    const p = await store.startOrGet({
      guideId: `guide-${i % 20}`,
      origin: `https://site${i}.gouv.fr`,
      title: `Démarche ${i}`,
    });
    await store.saveMany(
      Array.from({ length: 15 }, (_, j) => ({
        procedureId: p.id,
        identity: ident(j),
        value: `Valeur ${i}-${j} rue des Lilas`,
      })),
    );
    for (let s = 0; s < 5; s++) await store.setStep(p.id, `etape-${s}`, s < 3);
    for (let d = 0; d < 3; d++) await store.tickDocument(p.id, `doc-${d}`, true);
  }
  let bytes = 0;
  let rows = 0;
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      bytes += new TextEncoder().encode(JSON.stringify(row)).length;
      rows++;
    }
  }
  return { bytes, rows };
}

export default async () => {
  const rows: Array<Record<string, string | number>> = [];

  // Interleaved runs: the machine's load hits every variant alike.
  const [burst = 0, bare = 0, perKey = 0, burstV = 0, perKeyV = 0] = await interleaved([
    () => autosaveBurst(false),
    barePutPerKeystroke,
    () => storeSavePerKeystroke(false),
    () => autosaveBurst(true),
    () => storeSavePerKeystroke(true),
  ]);
  rows.push(
    {
      measure: '200 keystrokes, autosaver (queue + flush), clear',
      ms: ms(burst),
      'reference: bare Dexie put per keystroke (ms)': ms(bare),
      'vs reference': `${ms(bare / burst)}× faster`,
      transactions: '1 vs 200',
    },
    {
      measure: '200 keystrokes, store.saveField per keystroke, clear',
      ms: ms(perKey),
      'reference: bare Dexie put per keystroke (ms)': ms(bare),
      'vs reference': `${ms(perKey / bare)}× the time`,
      transactions: '200 vs 200',
    },
    {
      measure: '200 keystrokes, autosaver, encrypted (vault)',
      ms: ms(burstV),
      'reference: bare Dexie put per keystroke (ms)': ms(bare),
      'vs reference': `${ms(bare / burstV)}× faster`,
      transactions: '1 vs 200',
    },
    {
      measure: '200 keystrokes, store.saveField per keystroke, encrypted',
      ms: ms(perKeyV),
      'reference: bare Dexie put per keystroke (ms)': ms(bare),
      'vs reference': `${ms(perKeyV / bare)}× the time`,
      transactions: '200 vs 200',
    },
  );

  for (const vaulted of [false, true]) {
    const [plan = 0, raw = 0] = await interleaved([
      async () => {
        const { store, p, current } = await restoreSetup(vaulted);
        return timed(() => store.restorePlan(p.id, current));
      },
      async () => {
        const { db, p } = await restoreSetup(vaulted);
        return timed(() => db.fieldValues.where('procedureId').equals(p.id).toArray());
      },
    ]);
    rows.push({
      measure: `restorePlan, 200 saved × 200 page fields, ${vaulted ? 'encrypted' : 'clear'}`,
      ms: ms(plan),
      'reference: bare toArray() (ms)': ms(raw),
      'vs reference': `${ms(plan / raw)}× the time`,
    });
  }

  // Interleaved, so a busy machine slows both the same way.
  const kdfRuns = new Map<number, number[]>([
    [PBKDF2_ITERATIONS, []],
    [FAST_KDF, []],
  ]);
  const kdfDbs = new Map<number, PasapasDB>();
  for (const iterations of kdfRuns.keys()) {
    const db = freshDb();
    await createVault(db, '482193', { iterations });
    kdfDbs.set(iterations, db);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const [iterations, times] of kdfRuns) {
      const db = kdfDbs.get(iterations) as PasapasDB;
      times.push(await timed(() => unlockVault(db, '482193', { upgradeKdf: false })));
    }
  }
  const chosen = median(kdfRuns.get(PBKDF2_ITERATIONS) ?? []);
  const low = median(kdfRuns.get(FAST_KDF) ?? []);
  rows.push({
    measure: `unlockVault, PBKDF2-SHA256 ${PBKDF2_ITERATIONS.toLocaleString('en')} iterations (chosen)`,
    ms: ms(chosen),
    'reference: 100,000 iterations (ms)': ms(low),
    'vs reference': `${ms(chosen / low)}× the time`,
  });

  const clear = await sizeOf(false);
  const enc = await sizeOf(true);
  rows.push({
    measure: '1,000 procedures (15 fields, 5 steps, 3 documents each): serialized bytes of all rows, clear',
    ms: '',
    bytes: clear.bytes,
    rows: clear.rows,
  });
  rows.push({
    measure: 'same, encrypted (vault)',
    ms: '',
    bytes: enc.bytes,
    rows: enc.rows,
    'vs reference': `${ms(enc.bytes / clear.bytes)}× the clear size`,
  });

  return {
    title: 'Progress storage (Node + fake-indexeddb, not a browser)',
    rows,
    notes: [
      `Node ${process.version} with fake-indexeddb (in-memory, pure JS): absolute IndexedDB times differ from browsers; compare within a row.`,
      `Median of ${RUNS} runs for save and restore. The autosaver's debounce delay is excluded (flush() is called right after the burst); in use it adds delayMs (500 ms default) before the single write.`,
      'Encrypted = public-computer mode: AES-GCM per field + HMAC lookup tags; unlock times are WebCrypto PBKDF2 in Node (OpenSSL), browsers are usually in the same range.',
      'Size = UTF-8 bytes of JSON.stringify of every row; real IndexedDB adds its own overhead (keys, indexes, compression in Chromium).',
    ],
  };
};
