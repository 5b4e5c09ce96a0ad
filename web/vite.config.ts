import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The C++ server serves web/dist with SPA fallback; in development `npm run dev`
// proxies the API to a server started with `keyuan serve --listen 127.0.0.1:8080`.
export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/api': process.env.KEYUAN_API ?? 'http://127.0.0.1:8080',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
})
