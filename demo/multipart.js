/**
 * A small multipart/form-data parser for the demo server (no dependencies). It keeps text
 * fields and, for files, only the name, type and size: the demo never stores documents.
 */

export class MultipartError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'MultipartError';
    this.code = code;
  }
}

/** Reads the boundary from a Content-Type header, or throws. */
export function boundaryOf(contentType) {
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 200)
    throw new MultipartError('no-boundary', 'multipart body without a boundary');
  return boundary;
}

function parseHeaders(text) {
  const headers = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Reads `name` and `filename` from a Content-Disposition value (quoted, with \" escapes, or RFC 5987). */
function dispositionParams(value) {
  const params = {};
  const re = /;\s*([\w*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let m = re.exec(value);
  while (m !== null) {
    const key = m[1].toLowerCase();
    // Browsers (WHATWG form encoding) write ", CR and LF in names as %22, %0D, %0A; older clients use \" (other backslashes are kept: old Windows browsers sent full paths).
    let v =
      m[2] !== undefined
        ? m[2].replace(/\\"/g, '"').replace(/%22/gi, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
        : (m[3] ?? '').trim();
    if (key.endsWith('*')) {
      // filename*=UTF-8''name%20with%20spaces
      const star = /^[\w-]+'[^']*'(.*)$/.exec(v);
      if (star) {
        try {
          v = decodeURIComponent(star[1]);
        } catch {
          v = star[1];
        }
      }
      params[key.slice(0, -1)] = v;
    } else if (!(key in params)) {
      params[key] = v;
    }
    m = re.exec(value);
  }
  return params;
}

/**
 * Parses a complete multipart body (a Buffer).
 * Returns { fields: Record<string, string>, files: Array<{ field, name, type, size }> }.
 * File inputs left empty (no filename, no bytes) are skipped, as browsers send them anyway.
 */
export function parseMultipart(body, contentType) {
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  const fields = {};
  const files = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new MultipartError('malformed', 'multipart body without its first boundary');
  while (true) {
    pos += delimiter.length;
    // "--" right after a boundary closes the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    else throw new MultipartError('malformed', 'boundary not followed by a line break');
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new MultipartError('malformed', 'part without the end of its headers');
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const contentStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), contentStart);
    if (next < 0) throw new MultipartError('malformed', 'part without a closing boundary');
    const content = body.subarray(contentStart, next);
    const disposition = dispositionParams(headers['content-disposition'] ?? '');
    const name = disposition.name;
    if (name !== undefined) {
      if (disposition.filename !== undefined) {
        if (disposition.filename !== '' || content.length > 0) {
          files.push({
            field: name,
            name: disposition.filename.split(/[\\/]/).pop() ?? '',
            type: headers['content-type'] ?? 'application/octet-stream',
            size: content.length,
          });
        }
      } else {
        fields[name] = content.toString('utf8');
      }
    }
    pos = next + 2;
  }
  return { fields, files };
}
