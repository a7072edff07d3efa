#!/usr/bin/env node
// A launcher that exists before dist/ is built, so package managers can link the bin in a fresh
// workspace install (pnpm skips bins whose target is missing at install time).
import '../dist/cli.js';
