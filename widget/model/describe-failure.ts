import './model-base';
import { CrmError, isZiaHold } from '../crm/crm-error';
import { scopeAdvice } from '../crm/scope-advice';
import { AnswerNotUnderstood, callLine } from '../crm/zoho-errors';
import { HostError } from '../host/host';
import type { MessageKey } from '../i18n/messages';
import { DEFAULT_LIMIT_WAIT_SECONDS, failureOf } from './failure';
import type { Failure } from './failure';

const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  NOT_ALLOWED: 'error.notAllowed',
  NO_PERMISSION: 'error.noPermission',
  INVALID_DATA: 'error.invalidData',
  MANDATORY_NOT_FOUND: 'error.mandatoryNotFound',
  INVALID_MODULE: 'error.invalidModule',
  RECORD_LOCKED: 'error.recordLocked',
  NOT_APPROVED: 'hold.awaitingApproval',
  FEATURE_NOT_SUPPORTED: 'error.featureNotSupported',
  INTERNAL_ERROR: 'error.internal',
  LIMIT_EXCEEDED: 'error.limitExceeded',
};

/** Zoho's answers to a request it cannot take at all (a missing param, a bad URL or verb): a bug, not a passing fault. */
const REJECTED_REQUEST_CODES = new Set(['REQUIRED_PARAM_MISSING', 'INVALID_URL_PATTERN', 'INVALID_REQUEST_METHOD']);

/** Zoho's answers when a token is missing, expired or lacks a scope. */
const AUTHORIZATION_CODES = new Set(['INVALID_TOKEN', 'AUTHENTICATION_FAILURE', 'OAUTH_SCOPE_MISMATCH', 'INVALID_OAUTHTOKEN']);

/**
 * Zoho's API limit (HTTP 429): its docs pages name TOO_MANY_REQUESTS, its OpenAPI files also
 * RATE_LIMIT_EXCEEDED (too many calls at once). One limit, one explanation, one way of waiting.
 */
const LIMIT_CODES = new Set(['TOO_MANY_REQUESTS', 'RATE_LIMIT_EXCEEDED']);

const HOST_MESSAGES: Record<HostError['kind'], MessageKey> = {
  timeout: 'error.timeout',
  connection: 'error.connection',
  unavailable: 'start.unavailable',
  malformed: 'error.malformed',
};

/** An answer no schema of this version accepts: said plainly, with the call and Zoho's code to report. */
function notUnderstood({ call, code }: AnswerNotUnderstood): Failure {
  return code ? failureOf('error.notUnderstood.code', true, { call, code }) : failureOf('error.notUnderstood', true, { call });
}

/** Zoho's 429: the wait it names (`details.retry_after`), else a short one of our own (see DEFAULT_LIMIT_WAIT_SECONDS). */
function limitFailure(error: CrmError): Failure {
  const wait = Number(error.details['retry_after']);
  const failure = failureOf('error.tooManyRequests', true);
  return wait > 0 ? { ...failure, waitSeconds: Math.ceil(wait) } : { ...failure, waitSeconds: DEFAULT_LIMIT_WAIT_SECONDS, waitUnnamed: true };
}

/** Which scope the refused call lacks, under both of Zoho's readings for the lock calls, and where it is added. */
function scopeFailure(error: CrmError): Failure {
  if (!error.call) return failureOf('error.authorization', true, { code: error.code });
  const { connection, scopes, lockScope } = scopeAdvice(error.call);
  const params = { call: callLine(error.call), connection, scopes: scopes.join(', ') };
  return lockScope
    ? failureOf('error.scopeMissing.lock', true, { ...params, docsScope: lockScope.docs, oasScope: lockScope.oas })
    : failureOf('error.scopeMissing', true, params);
}

/**
 * The message for any error a Crm or Host call rejects with. Codes the widget does not know get a
 * generic message that shows the code, so a support request can name it.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof AnswerNotUnderstood) return notUnderstood(error);
  if (error instanceof HostError) {
    return { message: HOST_MESSAGES[error.kind], params: {}, retryable: error.kind !== 'unavailable' };
  }
  if (error instanceof CrmError) return { ...describeZohoError(error), code: error.code };
  return { message: 'error.unexpected', params: {}, retryable: true };
}

/** The message for Zoho's own answer: its code picks it. */
function describeZohoError(error: CrmError): Failure {
  if (isZiaHold(error)) return { message: 'hold.ziaVisionProcessing', params: {}, retryable: true };
  if (error.code === 'OAUTH_SCOPE_MISMATCH') return scopeFailure(error);
  if (AUTHORIZATION_CODES.has(error.code) || error.code.startsWith('OAUTH')) {
    return { message: 'error.authorization', params: { code: error.code }, retryable: true };
  }
  if (LIMIT_CODES.has(error.code)) return limitFailure(error);
  if (REJECTED_REQUEST_CODES.has(error.code)) return failureOf('error.requestRejected', false, { code: error.code });
  const message = CODE_MESSAGES[error.code];
  if (message) return { message, params: {}, retryable: error.code === 'INTERNAL_ERROR' };
  return { message: 'error.unknown', params: { code: error.code }, retryable: true };
}
