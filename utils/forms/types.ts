/** What form discovery knows about one control (or one radio group) of the real page. */

/**
 * Where the label came from. Beyond the accessible-name sources, `legend` is a group's legend
 * and `table-cell` / `nearby-text` are last-resort guesses on broken markup (layout tables,
 * text just before an unlabelled control).
 */
export type LabelSource =
  | 'label'
  | 'aria-labelledby'
  | 'aria-label'
  | 'title'
  | 'placeholder'
  | 'wrapping-label'
  | 'legend'
  | 'content'
  | 'table-cell'
  | 'nearby-text'
  | 'none';

export type FieldConstraints = {
  pattern?: string;
  min?: string;
  max?: string;
  minLength?: number;
  maxLength?: number;
  step?: string;
  inputMode?: string;
  autocomplete?: string;
  accept?: string;
  multiple?: boolean;
};

export type FieldGroup = {
  kind: 'fieldset' | 'radio-group' | 'checkbox-group';
  legend: string;
  id: string;
  /** A checkbox group's own hint and error, said once for its boxes. */
  hint?: string;
  error?: string;
};

export type FieldOption = {
  value: string;
  label: string;
  selected: boolean;
  disabled?: boolean;
  hint?: string;
};

export type FieldInfo = {
  /** Stable identity across reloads: form id/name + control name/id, else label + position. */
  key: string;
  /** The real control (the first radio for a radio group). Not serialisable. */
  element: Element;
  /** Every radio of a radio group, in order; absent for single controls. */
  elements?: Element[];
  tag: string;
  /** Input type, `select`, `textarea`, or the ARIA role for ARIA widgets. */
  type: string;
  name?: string;
  id?: string;
  label: string;
  labelSource: LabelSource;
  hint?: string;
  error?: string;
  /** aria-invalid="true" or a DSFR error state, even when no error text is given. */
  invalid: boolean;
  required: boolean;
  constraints: FieldConstraints;
  group?: FieldGroup;
  options?: FieldOption[];
  dsfr: boolean;
  sensitive: boolean;
  disabled: boolean;
  readOnly: boolean;
};

export type SerializableField = Omit<FieldInfo, 'element' | 'elements'>;
