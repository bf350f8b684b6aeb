import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Parts load on demand in the component tests as they do in the page: a test awaits what appears.
afterEach(() => cleanup());
