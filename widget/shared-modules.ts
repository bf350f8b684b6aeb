import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';

/**
 * The library exports that parts loaded on demand (app/js/parts/) take from the page instead of
 * carrying their own copy: one Preact, whose options the signals integration has hooked, and a
 * part costs only its own code. The build refuses a part that imports anything else of these libraries.
 */
export const SHARED_MODULES = {
  'preact/hooks': { useEffect, useLayoutEffect, useRef, useState },
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
};

/** Where parts find the shared modules: a name no other script on the page uses. */
export const SHARED_MODULES_GLOBAL = '__recordLockShared';
