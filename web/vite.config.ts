import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // ECharts and its renderer in one chunk of their own, loaded only by pages with a chart.
        codeSplitting: { groups: [{ name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip 9) beside every text file of the
 * build, so the server sends them as they are (issue 11: a light web app). Node's zlib only;
 * a compressed copy no smaller than the original is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'zhidu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await listFiles(outDir);
      await Promise.all(
        files
          .filter((f) => TEXT.test(f))
          .map(async (f) => {
            const raw = await readFile(f);
            const [b, g] = await Promise.all([
              brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
              gz(raw, { level: 9 }),
            ]);
            if (b.length < raw.length) await writeFile(`${f}.br`, b);
            if (g.length < raw.length) await writeFile(`${f}.gz`, g);
          }),
      );
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}
