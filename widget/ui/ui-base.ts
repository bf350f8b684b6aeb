/**
 * What every component loaded on demand shares with the page's first load, imported by each of
 * them for the reason model/model-base.ts gives.
 */
export * from 'preact';
export * from 'preact/hooks';
export * from '../model/model-base';
export * from './retry-button';
export * from './record-label';
