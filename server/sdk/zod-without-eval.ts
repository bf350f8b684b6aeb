import { z } from 'zod';

// Pages with a CSP that forbids eval (the widget's, the harness's) would log a CSP error when zod
// probes for eval while building object schemas. Imported first by each browser entry, before any schema exists.
z.config({ jitless: true });
