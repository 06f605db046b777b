/**
 * The guide format (version 1) as valibot schemas: structure only.
 * Checks that need the whole guide (unique ids, references, match patterns, safe Markdown)
 * live in `semantics.ts`; `parseGuide` in `schema.ts` runs both.
 */
import * as v from 'valibot';
import { VALIDATOR_IDS } from '../validators/types.ts';

export const GUIDE_FORMAT_VERSION = 1 as const;

/** The validators a guide may name: the same list as utils/validators. */
export { VALIDATOR_IDS };

export const OCR_DOCUMENT_TYPES = [
  'avis-imposition',
  'attestation-caf',
  'rib',
  'attestation-droits-ameli',
  'titre-sejour',
  'bulletin-salaire',
] as const;

export const DONE_KINDS = ['field-filled', 'field-valid', 'clicked', 'page-changed', 'confirmed'] as const;

/** Size limits: a guide is data written by third parties, so every dimension is bounded. */
export const LIMITS = {
  totalBytes: 512 * 1024,
  depth: 16,
  nodes: 100_000,
  steps: 500,
  documents: 50,
  glossary: 300,
  urls: 50,
  shortText: 200,
  mediumText: 2000,
  longText: 8000,
  selector: 500,
  url: 2000,
  id: 64,
  guideId: 128,
  example: 200,
  afterSteps: 30,
  helplines: 10,
  helpServices: 10,
  phone: 30,
} as const;

export const GUIDE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
export const ITEM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// semver.org's recommended pattern.
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const optionalText = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));

/** A text in several languages; French is required, the others fall back to it. */
const ltext = (max: number) =>
  v.strictObject({
    fr: text(max),
    en: optionalText(max),
    ar: optionalText(max),
  });

export const LTextSchema = ltext(LIMITS.longText);

const itemId = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id), v.regex(ITEM_ID_PATTERN));

export const PageConditionSchema = v.pipe(
  v.strictObject({
    urlPattern: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url))),
    headingText: v.optional(text(LIMITS.shortText)),
    hasSelector: v.optional(text(LIMITS.selector)),
    hasForm: v.optional(v.boolean()),
  }),
  v.description('Page conditions: all given conditions must hold.'),
);

const clueText = v.optional(text(LIMITS.shortText));
const clueWord = v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(32)));
const clueCount = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));

/** The clues the guide recorder captured for a target (utils/guides/clues.ts); all optional. */
export const CapturedCluesSchema = v.pipe(
  v.strictObject({
    id: clueText,
    name: clueText,
    autocomplete: clueText,
    label: clueText,
    accessibleName: clueText,
    hint: clueText,
    group: clueText,
    heading: clueText,
    tag: clueWord,
    type: clueWord,
    role: clueWord,
    position: v.optional(v.strictObject({ index: clueCount, count: clueCount })),
    path: v.optional(text(LIMITS.selector)),
  }),
  v.description(
    'Clues captured by the recorder on the real page; each votes for the candidates it matches (scored resolution).',
  ),
);

export const TargetSchema = v.pipe(
  v.strictObject({
    label: v.optional(text(LIMITS.shortText)),
    name: v.optional(text(LIMITS.shortText)),
    id: v.optional(text(LIMITS.shortText)),
    aria: v.optional(text(LIMITS.shortText)),
    dsfrGroup: v.optional(text(LIMITS.shortText)),
    selector: v.optional(text(LIMITS.selector)),
    frame: v.optional(text(LIMITS.selector)),
    shadowHost: v.optional(text(LIMITS.selector)),
    clues: v.optional(CapturedCluesSchema),
  }),
  v.description(
    'How to find the element on the page. Every clue votes for the elements it matches; the best one is used only when it is clearly the best (hand-written clues count in the order id, name, label, aria, dsfrGroup, selector).',
  ),
);

/** Same shape as utils/validators' DateRule, so it can be passed to `validate('date', value, rule)`. */
export const DateRuleSchema = v.strictObject({
  rule: v.optional(v.picklist(['past', 'future', 'any'])),
  minAgeYears: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(150))),
  maxAgeYears: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(150))),
});

export const FieldSchema = v.strictObject({
  describe: ltext(LIMITS.mediumText),
  example: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.example))),
  validator: v.optional(v.picklist(VALIDATOR_IDS)),
  dateRule: v.optional(DateRuleSchema),
  fromDocument: v.optional(itemId),
});

export const DoneSchema = v.strictObject({ kind: v.picklist(DONE_KINDS) });

export const StepSchema = v.strictObject({
  id: itemId,
  when: v.optional(PageConditionSchema),
  title: ltext(LIMITS.shortText),
  body: ltext(LIMITS.longText),
  target: v.optional(TargetSchema),
  field: v.optional(FieldSchema),
  done: DoneSchema,
});

export const DocumentSchema = v.strictObject({
  id: itemId,
  name: ltext(LIMITS.shortText),
  why: ltext(LIMITS.mediumText),
  where: ltext(LIMITS.mediumText),
  ocrDocumentType: v.optional(v.picklist(OCR_DOCUMENT_TYPES)),
});

export const GlossaryEntrySchema = v.strictObject({
  term: ltext(LIMITS.shortText),
  definition: ltext(LIMITS.mediumText),
});

/** What happens after the last step (an answer by post, a visit), with its delays and deadlines: the recap prints them. */
export const AfterStepSchema = v.pipe(
  v.strictObject({
    id: itemId,
    title: ltext(LIMITS.shortText),
    body: ltext(LIMITS.mediumText),
    delay: v.optional(ltext(LIMITS.shortText)),
    deadline: v.optional(ltext(LIMITS.shortText)),
  }),
  v.description(
    'A thing that happens after the procedure (what the administration does, what the person must still do). `delay`: how long it takes; `deadline`: a date limit the person must keep.',
  ),
);

/** A national helpline (phone or web) the procedure's administration runs. */
export const HelplineSchema = v.strictObject({
  id: itemId,
  name: ltext(LIMITS.shortText),
  phone: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.phone), v.regex(/^\+?[0-9][0-9 .]{1,28}$/))),
  url: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url), v.url())),
  hours: v.optional(ltext(LIMITS.shortText)),
  cost: v.optional(ltext(LIMITS.shortText)),
});

export const HelpSchema = v.pipe(
  v.strictObject({
    services: v.optional(v.pipe(v.array(text(LIMITS.shortText)), v.maxLength(LIMITS.helpServices))),
    helplines: v.optional(v.pipe(v.array(HelplineSchema), v.maxLength(LIMITS.helplines))),
  }),
  v.description(
    'Where to get help: `services` names the services of the national schema of digital-mediation places (« lieux de médiation numérique », field `services`) that fit this procedure; `helplines` are national phone or web helplines.',
  ),
);

export const SignatureSchema = v.strictObject({
  keyId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)),
  alg: v.literal('Ed25519'),
  value: v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
});

export const GuideSchema = v.pipe(
  v.strictObject({
    $schema: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))),
    formatVersion: v.literal(GUIDE_FORMAT_VERSION),
    id: v.pipe(v.string(), v.maxLength(LIMITS.guideId), v.regex(GUIDE_ID_PATTERN)),
    version: v.pipe(v.string(), v.maxLength(64), v.regex(SEMVER_PATTERN)),
    title: ltext(LIMITS.shortText),
    summary: ltext(LIMITS.mediumText),
    publisher: v.strictObject({
      // One name, or one per language: a panel in Arabic shows the Arabic name when there is one.
      name: v.pipe(
        v.union([text(LIMITS.shortText), ltext(LIMITS.shortText)]),
        v.description('Who wrote the guide: a name, or a name per language ({ "fr": …, "en": …, "ar": … }).'),
      ),
      url: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url), v.url())),
      contact: v.optional(
        v.pipe(
          v.string(),
          v.maxLength(LIMITS.url),
          v.description('Where mediators send feedback on the guide: an e-mail address or an https address.'),
        ),
      ),
    }),
    matches: v.strictObject({
      urls: v.pipe(
        v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url))),
        v.minLength(1),
        v.maxLength(LIMITS.urls),
      ),
      page: v.optional(PageConditionSchema),
    }),
    documents: v.pipe(v.array(DocumentSchema), v.maxLength(LIMITS.documents)),
    glossary: v.pipe(v.array(GlossaryEntrySchema), v.maxLength(LIMITS.glossary)),
    steps: v.pipe(v.array(StepSchema), v.minLength(1), v.maxLength(LIMITS.steps)),
    afterSteps: v.optional(v.pipe(v.array(AfterStepSchema), v.maxLength(LIMITS.afterSteps))),
    help: v.optional(HelpSchema),
    signature: v.optional(SignatureSchema),
  }),
  v.title('Pas à pas guide'),
  v.description('A per-procedure guide for the Pas à pas extension and widget (format version 1).'),
);

export type Guide = v.InferOutput<typeof GuideSchema>;
export type Step = v.InferOutput<typeof StepSchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type TargetClues = v.InferOutput<typeof CapturedCluesSchema>;
export type PageCondition = v.InferOutput<typeof PageConditionSchema>;
export type LText = v.InferOutput<typeof LTextSchema>;
export type GuideDocument = v.InferOutput<typeof DocumentSchema>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;
export type StepField = v.InferOutput<typeof FieldSchema>;
export type DateRule = v.InferOutput<typeof DateRuleSchema>;
export type DoneKind = (typeof DONE_KINDS)[number];
export type GuideValidatorId = (typeof VALIDATOR_IDS)[number];
export type OcrDocumentType = (typeof OCR_DOCUMENT_TYPES)[number];
export type AfterStep = v.InferOutput<typeof AfterStepSchema>;
export type Helpline = v.InferOutput<typeof HelplineSchema>;
export type GuideSignature = v.InferOutput<typeof SignatureSchema>;
