// Placeholder until the panel lands: proves the build pipeline end to end.
import { render } from 'preact';

const root = document.getElementById('record-lock');
if (root) render(<p>Record Lock</p>, root);
