import { createLabApp } from './lab-app';

createLabApp().synth();
