export type DemoFile = { name: string; type: string; size: number };
export type DemoSubmission = {
  /** Fictitious file number, e.g. DEMO-2026-000001. */
  id: string;
  /** 'aide-logement' | 'emploi' | 'cantine' | 'csp' | 'hostile' */
  procedure: string;
  values: Record<string, string>;
  files: Record<string, DemoFile>;
  receivedAt: string;
  sessionId: string;
};
export type DemoSession = {
  id: string;
  procedures: Record<
    string,
    { values: Record<string, string>; files: Record<string, DemoFile>; dossier: string | null }
  >;
};
export type DemoServer = {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41859 */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Live list of completed submissions (same data as GET /demo-api/submissions). */
  submissions: DemoSubmission[];
  sessions: Map<string, DemoSession>;
};
export const CSP_HEADER: string;
export function startDemoServer(options?: {
  port?: number;
  host?: string;
  root?: string;
  /** The widget tag with the guide studio's recorder on (data-studio="true"), as a staff site. */
  studio?: boolean;
}): Promise<DemoServer>;
export function fillMarkers(html: string, options: { widget: boolean | string; notice?: string }): string;
