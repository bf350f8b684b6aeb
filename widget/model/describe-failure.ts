import './model-base';
import { CrmError, isZiaHold } from '../crm/crm-error';
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

const HOST_MESSAGES: Record<HostError['kind'], MessageKey> = {
  timeout: 'error.timeout',
  connection: 'error.connection',
  unavailable: 'start.unavailable',
  malformed: 'error.malformed',
};

/**
 * The message for any error a Crm or Host call rejects with. Codes the widget does not know get a
 * generic message that shows the code, so a support request can name it.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof HostError) {
    return { message: HOST_MESSAGES[error.kind], params: {}, retryable: error.kind !== 'unavailable' };
  }
  if (error instanceof CrmError) return { ...describeZohoError(error), code: error.code };
  return { message: 'error.unexpected', params: {}, retryable: true };
}

/** The message for Zoho's own answer: its code picks it. */
function describeZohoError(error: CrmError): Failure {
  if (isZiaHold(error)) return { message: 'hold.ziaVisionProcessing', params: {}, retryable: true };
  if (AUTHORIZATION_CODES.has(error.code) || error.code.startsWith('OAUTH')) {
    return { message: 'error.authorization', params: { code: error.code }, retryable: true };
  }
  if (error.code === 'TOO_MANY_REQUESTS') {
    const wait = Number(error.details['retry_after']);
    return { message: 'error.tooManyRequests', params: {}, retryable: true, waitSeconds: wait > 0 ? Math.ceil(wait) : DEFAULT_LIMIT_WAIT_SECONDS };
  }
  if (REJECTED_REQUEST_CODES.has(error.code)) return failureOf('error.requestRejected', false, { code: error.code });
  const message = CODE_MESSAGES[error.code];
  if (message) return { message, params: {}, retryable: error.code === 'INTERNAL_ERROR' };
  return { message: 'error.unknown', params: { code: error.code }, retryable: true };
}
