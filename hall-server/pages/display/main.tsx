import { render } from 'preact';
import { DisplayApp } from './DisplayApp';
import '../pages.css';
import './display.css';

const root = document.getElementById('app');
if (!root) throw new Error('display.html must have <div id="app">');
render(<DisplayApp />, root);
