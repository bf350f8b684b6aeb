/**
 * What every model module loaded on demand shares with the page's first load. Each such module
 * imports this one: esbuild puts a module into one chunk per set of modules that import it, so
 * without a common import the first load would be cut into a small chunk per combination of parts,
 * each a request of its own and worse to compress. Leaving a module out only costs a chunk, never
 * a second copy of it.
 */
export * from '@preact/signals-core';
export * from '../host/host';
export * from '../host/zod';
export * from '../crm/crm-error';
export * from '../crm/crm-url';
export * from '../crm/zoho-errors';
export * from '../crm/reason';
export * from '../i18n/format-time';
export * from '../load-once';
export * from './failure';
export * from './in-parallel';
export * from './lock-rules';
export * from './valid-days';
export * from './settings-cache';
