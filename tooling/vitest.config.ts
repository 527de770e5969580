import { definePackageTestConfig } from './src/vitest-config.js';

export default definePackageTestConfig();
