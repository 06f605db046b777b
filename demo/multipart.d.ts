export class MultipartError extends Error {
  code: 'no-boundary' | 'malformed';
  constructor(code: string, message: string);
}
export function boundaryOf(contentType: string | undefined): string;
export function parseMultipart(
  body: Buffer,
  contentType: string | undefined,
): {
  fields: Record<string, string>;
  files: Array<{ field: string; name: string; type: string; size: number }>;
};
