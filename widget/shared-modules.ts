import { batch, computed, effect, signal } from '@preact/signals-core';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import * as crmError from './crm/crm-error';
import * as host from './host/host';
import * as zod from './host/zod';
import * as failure from './model/failure';

/**
 * What parts loaded on demand (app/js/parts/) take from the page instead of carrying a copy of
 * their own: one Preact, whose options the signals integration has hooked; one zod, set up without
 * eval; and the error classes and failure texts, so `instanceof` holds across the page and its
 * parts. Keys are package names, or source paths from the project's root. The build refuses a
 * part that imports any other export of Preact or its signals.
 */
export const SHARED_MODULES = {
  'preact/hooks': { useEffect, useLayoutEffect, useRef, useState },
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
  '@preact/signals-core': { batch, computed, effect, signal },
  'widget/crm/crm-error.ts': crmError,
  'widget/host/host.ts': host,
  'widget/host/zod.ts': zod,
  'widget/model/failure.ts': failure,
};

/** Where parts find the shared modules: a name no other script on the page uses. */
export const SHARED_MODULES_GLOBAL = '__recordLockShared';
