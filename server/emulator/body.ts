/** Reading a request body as Zoho does: JSON only, at most 1 MB. */
import { ERRORS, fail } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

const BODY_ERROR_DETAILS = { expected_data_type: 'jsonobject' };

const acceptsJson = (contentType: string | null): boolean => {
  if (contentType === null || contentType.trim() === '') return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json') || type === 'text/plain';
};

/** The parsed JSON object of the body, or a thrown Zoho answer (INVALID_DATA / LIMIT_EXCEEDED). */
export const readJsonObject = async (request: Request): Promise<Record<string, unknown>> => {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) fail(ERRORS.bodyTooLarge, { limit: MAX_BODY_BYTES });
  if (!acceptsJson(request.headers.get('content-type'))) fail(ERRORS.unsupportedContentType, {});
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) fail(ERRORS.bodyTooLarge, { limit: MAX_BODY_BYTES });
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(ERRORS.invalidBody, BODY_ERROR_DETAILS);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail(ERRORS.invalidBody, BODY_ERROR_DETAILS);
  }
  return parsed as Record<string, unknown>;
};
