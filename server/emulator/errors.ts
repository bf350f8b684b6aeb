/**
 * Zoho CRM's error answers as data. Each entry is one documented (code, HTTP status, message);
 * `zohoError` turns an entry plus details into Zoho's wire envelope, so no handler writes an
 * error body by hand and a message can never drift between two places.
 */

export interface ErrorEntry {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

const entry = (code: string, status: number, message: string): ErrorEntry => ({ code, status, message });

export const ERRORS = {
  // OAuth
  authenticationFailure: entry('AUTHENTICATION_FAILURE', 401, 'Authentication failed'),
  invalidToken: entry('INVALID_TOKEN', 401, 'invalid oauth token'),
  scopeMismatch: entry('OAUTH_SCOPE_MISMATCH', 401, 'invalid oauth scope to access this URL'),

  // URL and method
  invalidUrlPattern: entry('INVALID_URL_PATTERN', 404, 'Please check if the URL trying to access is a correct one'),
  invalidRequestMethod: entry('INVALID_REQUEST_METHOD', 403, 'The http request method type is not a valid one'),
  invalidModule: entry('INVALID_MODULE', 400, 'the module name given seems to be invalid'),
  requiredParamMissing: entry('REQUIRED_PARAM_MISSING', 400, 'One of the expected parameter is missing'),
  invalidId: entry('INVALID_DATA', 400, 'the id given seems to be invalid'),
  invalidRelatedId: entry('INVALID_DATA', 400, 'the related id given seems to be invalid'),
  relationNotFound: entry('INVALID_DATA', 400, 'relation not found'),

  // Bodies
  invalidBody: entry('INVALID_DATA', 400, 'body'),
  unsupportedContentType: entry('INVALID_DATA', 400, 'the content type given seems to be invalid'),
  bodyTooLarge: entry('LIMIT_EXCEEDED', 400, 'request entity too large'),
  mandatoryNotFound: entry('MANDATORY_NOT_FOUND', 400, 'required field not found'),
  invalidData: entry('INVALID_DATA', 400, 'invalid data'),

  // Locks
  configurationMissing: entry('NOT_ALLOWED', 400, 'Required Record Locking Configuration is not present'),
  alreadyLocked: entry('NOT_ALLOWED', 403, 'record is already locked'),
  onlyAutomaticLocking: entry('NOT_ALLOWED', 403, 'record cannot be locked, only automatic locking is configured'),
  automaticUnlockRefused: entry('NOT_ALLOWED', 403, 'Automatically locked records can not be unlocked manually'),
  lockPermissionDenied: entry('NO_PERMISSION', 403, 'Permission denied to customize record lock configurations'),
  unlockPermissionDenied: entry('NO_PERMISSION', 403, 'You do not have permission to unlock this record'),

  // Records
  recordLocked: entry('RECORD_LOCKED', 400, 'Sorry, you cannot perform this operation as the record is locked.'),
  ziaVisionProcessing: entry('RECORD_LOCKED', 400, 'Cannot update record that is not approved yet'),
  notApproved: entry('NOT_APPROVED', 400, 'Record is not approved'),
  alreadyModified: entry('ALREADY_MODIFIED', 412, 'Record updated time has already passed if-unmodified-since time'),
  recordsLimit: entry('LIMIT_EXCEEDED', 400, 'Maximum number of records exceeded'),

  // Locking configuration
  customizeDenied: entry('NO_PERMISSION', 403, 'permission denied'),
  configurationExists: entry('LIMIT_EXCEEDED', 400, 'Configuration already created for this module'),
  rulesLimit: entry('LIMIT_EXCEEDED', 400, 'Maximum limit for locking rules exceeded'),
  profilesLimit: entry('LIMIT_EXCEEDED', 400, 'Maximum limit for excluded profiles exceeded'),
  fieldsLimit: entry('LIMIT_EXCEEDED', 400, 'Maximum limit for excluded fields exceeded'),
  buttonsLimit: entry('LIMIT_EXCEEDED', 400, 'Maximum limit for restricted custom buttons exceeded'),
  rulesMissing: entry(
    'DEPENDENT_FIELD_MISSING',
    400,
    'locking_rules should have been given when lock_type is given as automatic or both',
  ),
  excludedProfilesMissing: entry(
    'DEPENDENT_FIELD_MISSING',
    400,
    'lock_excluded_profiles should have been given when locked_for is given as all_profiles_except_excluded_profiles ',
  ),
  duplicateRuleName: entry('DUPLICATE_DATA', 400, 'Duplicate rule name found, Enter unique rulename.'),
  lockTypeNotFound: entry('INVALID_DATA', 400, 'lock_type not found'),
  lockedForNotFound: entry('INVALID_DATA', 400, 'locked_for not found'),
  actionNotFound: entry('INVALID_DATA', 400, 'action not found'),
  communicationNotFound: entry('INVALID_DATA', 400, 'communication not found'),
  profileNotFound: entry('INVALID_DATA', 400, 'profile not found'),
  fieldNotFound: entry('INVALID_DATA', 400, 'field not found'),
  buttonNotFound: entry('INVALID_DATA', 400, 'custom button not found'),
  ruleNotFound: entry('INVALID_DATA', 400, 'rule not found'),
  featureTypeNotFound: entry('INVALID_DATA', 400, 'feature_type not found'),
  comparatorNotFound: entry('INVALID_DATA', 400, 'comparator not found'),
  fieldNotSupported: entry('NOT_SUPPORTED', 400, 'Field not supported'),
  expectedFieldMissing: entry('EXPECTED_FIELD_MISSING', 400, 'Expected field missing'),
  ambiguity: entry('AMBIGUITY_DURING_PROCESSING', 400, 'ambiguity while processing the request'),
  systemConfigUpdate: entry('NOT_ALLOWED', 400, 'Configuration created by system cannot be updated'),
  systemConfigDelete: entry('NOT_ALLOWED', 400, 'Configuration created by system cannot be deleted'),

  // Search (GET /{module}/search)
  searchParamMissing: entry('EXPECTED_PARAM_MISSING', 400, 'mandatory param missing'),
  // The search OpenAPI files capitalise it (the v8 docs page does not say).
  invalidQuery: entry('INVALID_QUERY', 400, 'Invalid query formed'),
  tooManyInValues: entry('INVALID_QUERY', 400, 'Only 100 values are allowed in "IN" criteria'),
  criteriaLimit: entry('CRITERIA_LIMIT_EXCEEDED', 400, 'no of criterium that can be given exceed the limit 10'),
  searchValueInvalid: entry(
    'INVALID_DATA',
    400,
    'The search value contains special characters or does not contain at least two characters',
  ),
  searchNotSupported: entry('NOT_SUPPORTED', 400, 'module not supported for search'),
  searchLimitReached: entry('LIMIT_REACHED', 400, 'maximum response iteration limit reached'),
  readPermissionDenied: entry('NO_PERMISSION', 403, 'Permission denied to read'),
  // API limits: Zoho documents the code and status; both messages are its OAS samples' (reference §4.4).
  creditsExhausted: entry('TOO_MANY_REQUESTS', 429, 'Rate limit exceeded. Please retry after the specified time.'),
  tooManyConcurrentCalls: entry('TOO_MANY_REQUESTS', 429, 'Too many requests. Please try again later.'),
  /** The `rate-limit-exceeded` variant: the code and sample of the search OpenAPI file's 429. */
  rateLimitExceeded: entry('RATE_LIMIT_EXCEEDED', 429, 'Too many requests. Please try again later.'),

  // Notes
  notesReadDenied: entry('NO_PERMISSION', 403, 'Permission denied to read notes details'),

  // COQL
  coqlSyntax: entry('SYNTAX_ERROR', 400, 'error occurred while parsing the query'),
  coqlClause: entry('SYNTAX_ERROR', 400, 'error occurred in the clause'),
  coqlInvalidQuery: entry('INVALID_QUERY', 400, 'invalid query formed'),
  coqlInvalidColumn: entry('INVALID_QUERY', 400, 'column given seems to be invalid'),
  coqlInvalidValue: entry('INVALID_QUERY', 400, 'value given seems to be invalid for the column'),
  coqlLimit: entry('LIMIT_EXCEEDED', 400, 'limit exceeded'),
  coqlDuplicate: entry('DUPLICATE_DATA', 400, 'duplicate data'),

  internalError: entry('INTERNAL_ERROR', 500, 'Internal Server Error'),

  // The emulator's own: an `X-Emulator-Variant` header naming no variant is a mistake in the caller's test.
  unknownVariant: entry('INVALID_EMULATOR_VARIANT', 400, 'X-Emulator-Variant names a variant this emulator does not have'),
} as const satisfies Record<string, ErrorEntry>;

export type ErrorDetails = Record<string, unknown>;

/** One error item in Zoho's shape: `{code, details, message, status: "error"}`. */
export interface ZohoErrorBody {
  code: string;
  details: ErrorDetails;
  message: string;
  status: 'error';
}

export const zohoError = (error: ErrorEntry, details: ErrorDetails = {}): ZohoErrorBody => ({
  code: error.code,
  details,
  message: error.message,
  status: 'error',
});

/** A top-level error answer, e.g. INVALID_MODULE for the whole request. */
export const errorResponse = (error: ErrorEntry, details: ErrorDetails = {}): Response =>
  jsonResponse(error.status, zohoError(error, details));

/**
 * A field-level error, which Zoho wraps in the resource's array: `{"data":[{...}]}` for lock
 * bodies, `{"record_locking_configurations":[{...}]}` for configurations.
 */
export const itemErrorResponse = (wrapper: string, error: ErrorEntry, details: ErrorDetails): Response =>
  jsonResponse(error.status, { [wrapper]: [zohoError(error, details)] });

export const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });

export const noContent = (): Response => new Response(null, { status: 204 });

/**
 * Raised inside a handler to answer with a Zoho error; the router turns it into the response.
 * A thrown ZohoFailure is an expected answer; any other exception is a bug.
 */
export class ZohoFailure extends Error {
  override readonly name = 'ZohoFailure';
  constructor(readonly response: Response) {
    super('zoho error answer');
  }
}

export const fail = (error: ErrorEntry, details: ErrorDetails = {}): never => {
  throw new ZohoFailure(errorResponse(error, details));
};

export const failItem = (wrapper: string, error: ErrorEntry, details: ErrorDetails): never => {
  throw new ZohoFailure(itemErrorResponse(wrapper, error, details));
};
