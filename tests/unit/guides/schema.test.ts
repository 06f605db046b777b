import { describe, expect, it } from 'vitest';
import { guideCatalogs } from '../../../utils/guides/messages.ts';
import {
  assertGuide,
  GUIDE_FORMAT_VERSION,
  type GuideError,
  GuideFormatError,
  guideErrorText,
  LIMITS,
  localize,
  migrateGuide,
  parseGuide,
  parseGuideText,
  VALIDATOR_IDS,
} from '../../../utils/guides/schema.ts';
import { missingKeys } from '../../../utils/i18n/index.ts';
import { demoGuide } from './helpers.ts';

function errorsOf(json: unknown): GuideError[] {
  const result = parseGuide(json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function codeAt(json: unknown, path: string): string | undefined {
  return errorsOf(json).find((e) => e.path === path)?.code;
}

describe('parseGuide', () => {
  it('accepts the demo guide and keeps its content', () => {
    const result = parseGuide(demoGuide());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guide.id).toBe('fr.demo.aide-logement');
    expect(result.guide.steps).toHaveLength(4);
    expect(result.guide.steps[1]?.field?.validator).toBe('fiscal-number');
  });

  it('reports each structural problem at its JSON path', () => {
    const guide = demoGuide();
    guide.id = 'Not A Domain';
    delete guide.version;
    guide.steps[1].title = { fr: '', de: 'x' };
    guide.steps[2].done.kind = 'typed';
    guide.matches.urls = [];
    guide.surprise = true;
    guide.documents[0].ocrDocumentType = 'passeport';
    const errors = errorsOf(guide);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({
      '$.id': 'bad-guide-id',
      '$.version': 'required',
      '$.steps[1].title.fr': 'required',
      '$.steps[1].title.de': 'unknown-property',
      '$.steps[2].done.kind': 'bad-value',
      '$.matches.urls': 'too-few-items',
      '$.surprise': 'unknown-property',
      '$.documents[0].ocrDocumentType': 'bad-value',
    });
    for (const error of errors) {
      expect(error.message.fr.length).toBeGreaterThan(5);
      expect(error.message.en.length).toBeGreaterThan(5);
      expect(guideErrorText(error, 'ar')).not.toBe(error.code);
    }
  });

  it('checks references, unique ids, match patterns and targets', () => {
    const guide = demoGuide();
    guide.steps[2].id = guide.steps[0].id;
    guide.steps[1].field.fromDocument = 'passeport';
    guide.matches.urls.push('127.0.0.1/*');
    guide.steps[1].when.urlPattern = 'https://exa*mple.fr/*';
    guide.steps[3].target = { frame: 'iframe' };
    delete guide.steps[2].target;
    guide.steps[2].field.validator = 'iban';
    expect(codeAt(guide, '$.steps[2].id')).toBe('duplicate-id');
    expect(codeAt(guide, '$.steps[1].field.fromDocument')).toBe('unknown-document');
    expect(codeAt(guide, '$.matches.urls[2]')).toBe('bad-match-pattern');
    expect(codeAt(guide, '$.steps[1].when.urlPattern')).toBe('bad-match-pattern');
    expect(codeAt(guide, '$.steps[3].target')).toBe('target-empty');
    expect(codeAt(guide, '$.steps[2].target')).toBe('done-needs-target');
    expect(codeAt(guide, '$.steps[2].field.dateRule')).toBe('date-rule-needs-date');
  });

  it('flags raw HTML and non-https links in texts', () => {
    const guide = demoGuide();
    guide.steps[0].body.fr = 'Cliquez <img src=x onerror=alert(1)> ici';
    guide.steps[1].body.en = 'See [this](javascript:alert(1))';
    guide.title.ar = '<script>x</script>';
    expect(codeAt(guide, '$.steps[0].body.fr')).toBe('md-html');
    expect(codeAt(guide, '$.steps[1].body.en')).toBe('md-unsafe-link');
    expect(codeAt(guide, '$.title.ar')).toBe('md-html');
  });

  it('requires a validator for field-valid steps', () => {
    const guide = demoGuide();
    delete guide.steps[1].field.validator;
    expect(codeAt(guide, '$.steps[1].field')).toBe('done-needs-field');
  });

  it('never throws on hostile values', () => {
    const cyclic: Record<string, unknown> = { formatVersion: 1 };
    cyclic.self = cyclic;
    expect(codeAt(cyclic, '$.self')).toBe('cycle');

    const proto = JSON.parse('{"formatVersion":1,"__proto__":{"polluted":true}}');
    expect(codeAt(proto, '$.__proto__')).toBe('forbidden-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const throwing = {
      get formatVersion() {
        throw new Error('boom');
      },
    };
    expect(codeAt(throwing, '$')).toBe('internal');

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(errorsOf(proxy).length).toBeGreaterThan(0);

    expect(codeAt({ ...demoGuide(), formatVersion: 1e308 }, '$.formatVersion')).toBe('format-too-new');
    expect(codeAt({ ...demoGuide(), formatVersion: 1.5 }, '$.formatVersion')).toBe('format-invalid');
    expect(codeAt({ ...demoGuide(), version: Number.NaN }, '$.version')).toBe('not-json');
    expect(codeAt({ ...demoGuide(), id: 10n }, '$.id')).toBe('not-json');
    expect(codeAt({ ...demoGuide(), when: new Date() }, '$.when')).toBe('not-json');
    for (const value of [null, undefined, 0, 'guide', [], () => 1, Symbol('x')]) {
      expect(parseGuide(value).ok).toBe(false);
    }
  });

  it('enforces depth, size and count limits', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(errorsOf({ ...demoGuide(), deep }).map((e) => e.code)).toContain('too-deep');

    const big = demoGuide();
    big.summary.fr = 'a'.repeat(LIMITS.totalBytes + 10);
    expect(errorsOf(big).map((e) => e.code)).toEqual(['too-large']);

    const many = demoGuide();
    many.steps = Array.from({ length: LIMITS.steps + 1 }, (_, i) => ({ ...many.steps[0], id: `s${i}` }));
    expect(codeAt(many, '$.steps')).toBe('too-many-items');

    const long = demoGuide();
    long.steps[0].title.fr = 'a'.repeat(LIMITS.shortText + 1);
    expect(codeAt(long, '$.steps[0].title.fr')).toBe('too-long');
  });

  it('parses text and reports JSON syntax errors', () => {
    expect(parseGuideText(JSON.stringify(demoGuide())).ok).toBe(true);
    const bad = parseGuideText('{ "formatVersion": 1,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.code).toBe('invalid-json');
  });
});

describe('assertGuide', () => {
  it('returns the guide or throws a typed error with every problem', () => {
    expect(assertGuide(demoGuide()).id).toBe('fr.demo.aide-logement');
    const broken = { ...demoGuide(), id: 'X', version: 'y' };
    let caught: unknown;
    try {
      assertGuide(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GuideFormatError);
    expect((caught as GuideFormatError).code).toBe('guide-invalid');
    expect((caught as GuideFormatError).errors.map((e) => e.path)).toEqual(['$.id', '$.version']);
  });
});

describe('migrateGuide', () => {
  it('passes the current format through and refuses newer ones', () => {
    const guide = demoGuide();
    const same = migrateGuide(guide);
    expect(same.ok && same.from).toBe(GUIDE_FORMAT_VERSION);
    const newer = migrateGuide({ ...guide, formatVersion: GUIDE_FORMAT_VERSION + 1 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0]?.message.fr).toContain(String(GUIDE_FORMAT_VERSION + 1));
  });
});

describe('localize', () => {
  it('falls back to French', () => {
    const text = { fr: 'Bonjour', en: 'Hello', ar: '' };
    expect(localize(text, 'en')).toBe('Hello');
    expect(localize(text, 'ar')).toBe('Bonjour');
    expect(localize({ fr: 'Bonjour' }, 'en')).toBe('Bonjour');
    expect(localize(undefined, 'fr')).toBe('');
  });
});

describe('catalogs and shared lists', () => {
  it('has every message in English and Arabic', () => {
    expect(missingKeys(guideCatalogs, 'en')).toEqual([]);
    expect(missingKeys(guideCatalogs, 'ar')).toEqual([]);
  });

  it('accepts every validator of utils/validators in a step, and refuses an unknown one at its path', () => {
    for (const id of VALIDATOR_IDS) {
      const guide = demoGuide();
      guide.steps[1].field.validator = id;
      expect(parseGuide(guide).ok, id).toBe(true);
    }
    const guide = demoGuide();
    guide.steps[1].field.validator = 'rib';
    expect(errorsOf(guide).map((e) => e.path)).toContain('$.steps[1].field.validator');
  });
});

describe('parseGuideText limits', () => {
  it('refuses an oversized text before parsing it', () => {
    const result = parseGuideText(`"${'a'.repeat(LIMITS.totalBytes)}"`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(['too-large']);
  });
});
