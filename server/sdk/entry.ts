/**
 * Browser entry of the SDK stand-in: the dev server bundles this file into an IIFE and serves it
 * where widget.html expects Zoho's `ZohoEmbededAppSDK.min.js`.
 */
import './zod-without-eval';
import { createZohoSdk } from './create-sdk';
import { browserEnvironment } from './sdk-environment';

(window as Window & { ZOHO?: unknown }).ZOHO = createZohoSdk(browserEnvironment(window));
