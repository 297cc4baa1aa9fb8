/** Regenerates the README's binding reference from the specs: `npm run docs` (a unit test checks it is current). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindingReference, replaceGenerated } from '../src/bindings/readme-section';

const readme = join(__dirname, '..', 'README.md');
writeFileSync(readme, replaceGenerated(readFileSync(readme, 'utf8'), bindingReference()));
console.log('README.md binding reference regenerated');
