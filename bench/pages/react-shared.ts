/** What both React pages share. */
export const BENCH_PUBLISHABLE_KEY = 'pk_test_bench';

export const benchStage = (): HTMLElement => document.getElementById('stage')!;
