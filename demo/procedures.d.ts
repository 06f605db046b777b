export type DemoField = {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'email'
    | 'tel'
    | 'number'
    | 'select'
    | 'radio'
    | 'file'
    | 'checkbox'
    | 'password'
    | 'hidden';
  hint?: string;
  check?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  options?: Array<[string, string]>;
  min?: number;
  max?: number;
  accept?: string;
  sensitive?: boolean;
  sameAs?: string;
  value?: string;
};
export type DemoPage = {
  slug: string;
  title: string;
  errorStyle: 'modern' | 'legacy';
  summary?: boolean;
  iframe?: { src: string; title: string; field: string };
  fields: DemoField[];
};
export type DemoProcedure = {
  id: string;
  title: string;
  base: string;
  intro: string;
  documents: string[];
  submitLabel: string;
  pages: DemoPage[];
};
export const PROCEDURES: Record<'aide-logement' | 'emploi', DemoProcedure>;
export const CANTINE_FIELDS: DemoField[];
export const SITUATIONS: Array<[string, string]>;
export const NIVEAUX_FORMATION: Array<[string, string]>;
export function findPage(procedure: DemoProcedure, slug: string): { page: DemoPage; index: number } | null;
