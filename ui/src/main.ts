import { mount } from 'svelte';
import Startup from './Startup.svelte';
import './app.css';
import './base.css';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(Startup, { target });
