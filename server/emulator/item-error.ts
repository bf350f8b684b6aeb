/** A refused item of a records body: Zoho's error entry and the details that point at the field. */
import { ERRORS, type ErrorDetails, type ErrorEntry } from './errors';

export interface ItemError {
  entry: ErrorEntry;
  details: ErrorDetails;
}

export const isItemError = (value: unknown): value is ItemError =>
  typeof value === 'object' && value !== null && 'entry' in value && 'details' in value;

/** `{api_name, json_path}` for the field of the index-th item, plus what else Zoho says. */
export const fieldError = (entry: ErrorEntry, index: number, apiName: string, extra: ErrorDetails = {}): ItemError => ({
  entry,
  details: { api_name: apiName, json_path: `$.data[${index}].${apiName}`, ...extra },
});

export const missingField = (index: number, apiName: string): ItemError =>
  fieldError(ERRORS.mandatoryNotFound, index, apiName);

export const invalidField = (index: number, apiName: string, extra: ErrorDetails = {}): ItemError =>
  fieldError(ERRORS.invalidData, index, apiName, extra);
