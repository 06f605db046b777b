export function validateForm(form: HTMLFormElement): Element | null;
export function watchFields(form: HTMLFormElement): void;
export function setupValidation(form: HTMLFormElement): void;
