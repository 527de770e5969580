import { definePackageTestConfig } from '@mediassist/tooling/vitest-config';

export default definePackageTestConfig();
