#!/usr/bin/env node
// The `tandem` command. The CLI is written in TypeScript and run through tsx's loader,
// so the checkout needs no build step: `npx tandem` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
