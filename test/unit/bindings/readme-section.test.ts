import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindingReference, replaceGenerated } from '../../../src/bindings/readme-section';

describe('README binding reference', () => {
  it('is what the specs generate (run `npm run docs` after changing a spec)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(replaceGenerated(readme, bindingReference())).toBe(readme);
  });
});
