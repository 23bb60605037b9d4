import { render } from 'preact';
import { WindowApp } from './WindowApp';
import '../pages.css';
import './window.css';

const root = document.getElementById('app');
if (!root) throw new Error('window.html must have <div id="app">');
render(<WindowApp />, root);
