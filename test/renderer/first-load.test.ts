import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

// Imports that load code: `import type` and `export type` are erased and load nothing.
const loading = [/^import\s+(?!type\s)[\s\S]*?\sfrom\s+'([^']+)'/gm, /^import\s+'([^']+)'/gm, /^export\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gm];
const lazy = /import\(\s*'([^']+)'\s*\)/g;

const resolveFile = (from: string, specifier: string): string | null => {
  const base = path.resolve(path.dirname(from), specifier);
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ending) => base + ending).find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
};

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The packages a file pulls in when it loads, and the files it leaves for later (`import()`). */
const walk = (entry: string): { packages: Set<string>; later: Set<string> } => {
  const packages = new Set<string>();
  const later = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !/\.tsx?$/.test(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const pattern of loading) {
      for (const [, specifier = ''] of source.matchAll(pattern)) {
        if (!specifier.startsWith('.')) packages.add(packageOf(specifier));
        else {
          const target = resolveFile(file, specifier);
          if (target) visit(target);
        }
      }
    }
    for (const [, specifier = ''] of source.matchAll(lazy)) {
      const target = resolveFile(file, specifier);
      if (target) later.add(path.relative(root, target));
    }
  };
  visit(path.join(root, entry));
  return { packages, later };
};

describe("the app's first load", () => {
  it('brings neither the API schemas (zod) nor the charts (chart.js): the window opens on what every screen needs', () => {
    const first = walk('renderer/main.tsx');
    expect(first.packages).toContain('react-dom');
    expect(first.packages).not.toContain('zod');
    expect(first.packages).not.toContain('chart.js');
    // Reportes brings the charts when she opens it.
    expect(first.later).toContain('renderer/features/reports/ReportsPage.tsx');
    expect(walk('renderer/features/reports/ReportsPage.tsx').packages).toContain('chart.js');
  });

  it('reads imports the way the bundler does (the contract does bring zod)', () => {
    expect(walk('shared/api/contract.ts').packages).toContain('zod');
  });
});
