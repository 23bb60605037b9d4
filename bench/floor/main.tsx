// The floor of the size benchmark: the least a Preact page built like the kiosk can weigh.
import { render } from 'preact';

const root = document.getElementById('app');
if (root) render(<h1>不打烊</h1>, root);
