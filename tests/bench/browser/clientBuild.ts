import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST_INDEX = fileURLToPath(new URL('../../../client/dist/index.html', import.meta.url));

/**
 * Makes sure client/dist exists (`npx vite build` when it does not) and says what it holds: the build time,
 * the commit checked out, and whether client or shared code had uncommitted changes. The bench measures
 * the client as built; it does not rebuild one that exists, so the note tells which code was measured.
 */
export function ensureClientBuild(progress: (message: string) => void): string {
  if (!existsSync(DIST_INDEX)) {
    progress('browser: client/dist is missing, building it with `npx vite build`');
    execFileSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const builtAt = statSync(DIST_INDEX).mtime;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    const head = git('log', '-1', '--format=%h %cI');
    const dirty = git('status', '--porcelain', '--', 'client', 'shared').split('\n').filter((l) => l && !l.includes('client/dist')).length;
    return `client/dist built ${builtAt.toISOString()}; checkout at commit ${head}${dirty > 0 ? `, with ${dirty} uncommitted file(s) under client/ or shared/` : ''}`;
  } catch {
    return `client/dist built ${builtAt.toISOString()} (no git information)`;
  }
}

/** The JavaScript one page load fetched. */
export interface ScriptSizes {
  files: string[];
  rawBytes: number;
  /** Summed gzip sizes, each file compressed on its own at zlib level 6 (what a web server typically sends). */
  gzipBytes: number;
  /**
   * React's development build is in it (`jsxDEV`, `react_stack_bottom_frame`): a client built with NODE_ENV
   * other than production, as `vite build` does when it inherits vitest's NODE_ENV=test.
   */
  developmentBuild: boolean;
  /** No file looks minified (long lines): a build with `--minify false`. */
  unminified: boolean;
}

/** Collects the JavaScript responses of a page from now on; `sizes` stops collecting and measures them. */
export function collectScripts(page: Page): { sizes(): Promise<ScriptSizes> } {
  const scripts: Response[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  };
  page.on('response', onResponse);
  return {
    async sizes() {
      page.off('response', onResponse);
      let rawBytes = 0;
      let gzipBytes = 0;
      let developmentBuild = false;
      let lines = 0;
      for (const response of scripts) {
        const body = await response.body();
        rawBytes += body.length;
        gzipBytes += gzipSync(body, { level: 6 }).length;
        developmentBuild ||= body.includes('jsxDEV') || body.includes('react_stack_bottom_frame');
        for (let at = body.indexOf(10); at !== -1; at = body.indexOf(10, at + 1)) lines += 1;
      }
      // A minified bundle has lines of thousands of characters; source-like code has lines of tens.
      const unminified = scripts.length > 0 && rawBytes / Math.max(1, lines) < 200;
      return { files: scripts.map((r) => new URL(r.url()).pathname), rawBytes, gzipBytes, developmentBuild, unminified };
    },
  };
}
