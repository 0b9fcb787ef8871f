import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The Spring Boot back end; override with ANJIAN_BACKEND=http://host:port npm run dev
const backend = process.env.ANJIAN_BACKEND || 'http://localhost:8080'
const proxied = ['/api', '/actuator', '/swagger-ui', '/v3']

export default defineConfig({
  base: '/',
  plugins: [vue()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: backend, changeOrigin: false }]))
  },
  build: {
    // Served by Spring Boot as static resources.
    outDir: '../target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vite 8 bundles with Rolldown: `codeSplitting.groups` replaces Rollup's manualChunks.
        // A group also takes the dependencies of what it captures, so Vue (which the others import)
        // must be captured first, by the highest priority.
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 20 },
            { name: 'element-plus', test: /node_modules[\\/]/, priority: 10 }
          ]
        }
      }
    }
  }
})
