// The dependency direction, checked on resolved files: shared ← feature-store ← {offline, nearline, online}.
// Apps never import each other, product code never imports tooling, and there are no cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules impossible to reason about one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-nothing-internal',
      severity: 'error',
      comment: 'shared/ is the bottom layer: it depends on no other workspace.',
      from: { path: '^shared/' },
      to: { path: '^(feature-store|offline|nearline|online)/' },
    },
    {
      name: 'feature-store-imports-only-shared',
      severity: 'error',
      comment: 'feature-store/ sits on shared/ and under every app.',
      from: { path: '^feature-store/' },
      to: { path: '^(offline|nearline|online)/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      comment:
        'offline, nearline and online talk through the feature store, queues and the registry.',
      from: { path: '^(offline|nearline|online)/' },
      to: { path: '^(offline|nearline|online)/', pathNot: '^$1/' },
    },
    {
      name: 'product-code-never-imports-tooling',
      severity: 'error',
      comment: 'tooling/ is for tests, the launcher and CI; product source must not depend on it.',
      from: {
        path: '^(shared|feature-store|offline|nearline|online)/src/',
        pathNot: '\\.(int\\.)?test\\.ts$|/testing/',
      },
      to: { path: '^tooling/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.turbo|web/dist)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@mediassist/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
