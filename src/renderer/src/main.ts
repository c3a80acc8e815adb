import { mount } from 'svelte';
import Root from './Root.svelte';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing');
export default mount(Root, { target });
