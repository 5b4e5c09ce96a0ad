import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The C++ server serves web/dist with SPA fallback; in development `npm run dev`
// proxies the API to a server started with `keyuan serve --listen 127.0.0.1:8080`.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    // `@/shared/…` and `@/modules/<m>/…`: imports that survive moving a file between folders.
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': process.env.KEYUAN_API ?? 'http://127.0.0.1:8080',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
})
