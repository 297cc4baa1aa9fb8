import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm run services:up` writes the addresses of the services it started; explicit env wins.
const file = join(__dirname, '..', '..', '.services.env');
if (existsSync(file)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]!] === undefined) process.env[match[1]!] = match[2];
  }
}
