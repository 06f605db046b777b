/** Where the end of a session keeps its state: the extension's memory storage unless said. */

/** Origins used since the session started (storage.session: gone when the browser closes). */
export const SITES_KEY = 'pasapas:session:sites';
/** The last end's report, for the summary page and the activity report (storage.session; it names the sites used). */
export const REPORT_KEY = 'pasapas:session:report';
/** When the session started (storage.local): a time, nothing personal. */
export const STARTED_KEY = 'pasapas:session:startedAt';
