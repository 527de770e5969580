/** When the offline tier runs: nightly retraining and hourly feature refresh (cron, UTC by default). */
export interface Schedule {
  readonly name: 'nightly' | 'hourly';
  readonly cron: string;
  readonly description: string;
}

export const DEFAULT_SCHEDULES: readonly Schedule[] = [
  {
    name: 'nightly',
    cron: '0 2 * * *',
    description: 'features → embed → train → evaluate → promote → re-embed → materialize',
  },
  { name: 'hourly', cron: '15 * * * *', description: 'incremental features → materialize' },
];
