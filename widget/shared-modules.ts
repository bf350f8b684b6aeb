import { batch, computed, effect, signal } from '@preact/signals-core';
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
  // One signals runtime: a part's computed values must track the page's signals.
  '@preact/signals-core': { batch, computed, effect, signal },
};

/** Where parts find the shared modules: a name no other script on the page uses. */
export const SHARED_MODULES_GLOBAL = '__recordLockShared';
