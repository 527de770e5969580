/**
 * The consultation screen end to end, in Debian's Chromium against the real online service and a
 * real Redis: sign in with the pre-filled local key, open patients (demo list and EHR id), enter
 * findings with the keyboard, watch the differential update, propose an interacting drug, dismiss a
 * suggestion and find the feedback in the nearline queue, structure and save a note. Screenshots of
 * the main states go to E2E_SCREENSHOT_DIR (default test-results/screenshots).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createNearlineKeys } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './accessibility.js';
import { launchChromium } from './browser.js';
import { EHR_ID } from './demo-patients.js';
import { KEY_PREFIX, ONLINE_ROOT, startOnlineStack, type OnlineStack } from './online-stack.js';

const SCREENSHOTS = path.resolve(
  ONLINE_ROOT,
  process.env['E2E_SCREENSHOT_DIR'] ?? '../test-results/screenshots',
);
const NOTE = [
  'CC: cough and fever',
  'HPI: 4 days of productive cough and fever, denies chest pain.',
  'Vitals: T 38.4 C, HR 96, BP 138/84, SpO2 95%',
  'Assessment: community acquired pneumonia',
  'Plan: start amoxicillin 1 g PO TID for 5 days',
].join('\n');

let stack: OnlineStack;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];

async function screenshot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Types into a KB typeahead and picks the option named `choose` (default: the first) with the keyboard. */
async function pickFromTypeahead(label: string, text: string, choose?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.focus();
  await input.pressSequentially(text, { delay: 15 });
  const options = page.getByRole('listbox', { name: label }).getByRole('option');
  await options.first().waitFor();
  // The list is debounced: wait until it answers the whole text (unchanged across two reads a
  // debounce apart), or an earlier prefix's options could shift under the arrow keys.
  let names: string[] = [];
  await expect
    .poll(
      async () => {
        const before = await options.locator('.option-label').allTextContents();
        await page.waitForTimeout(400);
        names = await options.locator('.option-label').allTextContents();
        return (
          before.join('|') === names.join('|') && (choose === undefined || names.includes(choose))
        );
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const index = choose === undefined ? 0 : names.indexOf(choose);
  for (let i = 0; i <= index; i++) {
    await input.press('ArrowDown');
  }
  const active = page.locator(
    `[id="${String(await input.getAttribute('aria-activedescendant'))}"]`,
  );
  expect(await active.getAttribute('aria-selected')).toBe('true');
  expect(await active.locator('.option-label').textContent()).toBe(names[index]);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe('');
}

/** Resolves when the next live update of the suggestions has arrived. */
async function suggestionsUpdated(): Promise<void> {
  await page
    .getByTestId('assist-status')
    .filter({ hasText: 'Suggestions updated' })
    .waitFor({ timeout: 15_000 });
}

function pendingEvents(patientId: PatientId): Promise<Record<string, string>> {
  return stack.redis.hgetall(createNearlineKeys(KEY_PREFIX).pending(patientId));
}

beforeAll(async () => {
  stack = await startOnlineStack();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('request', (request: Request) => {
    const url = request.url();
    if (!url.startsWith(stack.baseUrl) && !url.startsWith('data:')) {
      foreignRequests.push(url);
    }
  });
});

afterAll(async () => {
  await browser.close().catch(() => undefined);
  await stack.stop();
});

describe('the consultation screen', () => {
  it('serves the page with a self-only content security policy', async () => {
    const response = await page.goto(stack.baseUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  });

  it('pre-fills the local clinician key on this machine and signs in', async () => {
    const keyInput = page.getByLabel('API key');
    await expect.poll(() => keyInput.inputValue()).toBe(stack.clinicianKey);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { name: 'Open a patient' }).waitFor();
  });

  it('lists demo patients and opens one by its EHR id', async () => {
    const demo = page.locator('.demo-patient');
    await expect.poll(() => demo.count()).toBe(3);
    await screenshot('01-open-patient');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Patient id').fill(EHR_ID);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: /Male, 52/ }).waitFor();
    expect(await page.getByTestId('chronic-conditions').textContent()).toContain(
      'Chronic obstructive pulmonary disease',
    );
    await page.getByRole('button', { name: '← Change patient' }).click();
  });

  it('opens a demo patient with their conditions, medications, care gaps and freshness', async () => {
    const { patientId } = stack.seeds.anticoagulated;
    await page.locator(`.demo-patient[title="${patientId}"]`).click();
    await page.getByRole('heading', { name: /Female, 67/ }).waitFor();
    const chronic = await page.getByTestId('chronic-conditions').textContent();
    expect(chronic).toContain('Atrial fibrillation');
    expect(await page.getByTestId('active-medications').textContent()).toContain('warfarin');
    expect(await page.getByTestId('care-gaps').textContent()).toMatch(/colorectal/i);
    expect(await page.locator('.freshness summary').textContent()).toContain('up to date');
  });

  it('updates the differential live as findings are entered with the keyboard', async () => {
    const combobox = page.getByRole('combobox', { name: 'Add a finding' });
    expect(await combobox.getAttribute('aria-autocomplete')).toBe('list');
    await pickFromTypeahead('Add a finding', 'fever');
    await suggestionsUpdated();
    const first = await page.getByTestId('differential-item').count();
    expect(first).toBeGreaterThan(0);
    await pickFromTypeahead('Add a finding', 'productive', 'Productive cough');
    await page.getByRole('radio', { name: 'Absent' }).check();
    await pickFromTypeahead('Add a finding', 'chest pain');
    await expect
      .poll(() => page.getByTestId('findings-list').textContent())
      .toMatch(/Fever.*Productive cough.*No Chest pain/i);
    await suggestionsUpdated();
    const labels = await page
      .getByTestId('differential')
      .locator('.suggestion-label')
      .allTextContents();
    expect(labels.filter((label) => !label.startsWith('Consider'))).toEqual([]);
    // No model is deployed in this stack: the answer must say it is guidelines only.
    const banner = page.locator('.banner.guidelines-only');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('no diagnosis model is deployed');
    // Evidence and sources on demand.
    await page.getByTestId('differential-item').first().getByText('Evidence and sources').click();
    const evidence = page.getByTestId('differential-item').first().locator('.evidence');
    await evidence.waitFor({ state: 'visible' });
    expect(await evidence.textContent()).toMatch(/For.*\(LR [\d.]+\).*Sources.*\w/s);
    await screenshot('02-differential');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps the active option when the list opens under a resting pointer', async () => {
    const input = page.getByRole('combobox', { name: 'Add a finding' });
    const options = page.getByRole('listbox', { name: 'Add a finding' }).getByRole('option');
    await input.fill('cough');
    const second = await options.nth(1).boundingBox();
    await input.fill('');
    await options.first().waitFor({ state: 'hidden' });
    if (!second) {
      throw new Error('the second option was not laid out');
    }
    await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2);
    await input.fill('cough');
    await options.nth(1).waitFor();
    // Chromium recomputes hover after layout on its own schedule; give it time to.
    await page.waitForTimeout(500);
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await input.press('ArrowDown');
    const active = page.locator(
      `[id="${String(await input.getAttribute('aria-activedescendant'))}"]`,
    );
    expect(await active.locator('.option-label').textContent()).toBe(
      await options.first().locator('.option-label').textContent(),
    );
    // A pointer that does move still picks the option under it.
    await options.nth(1).hover({ position: { x: 5, y: 5 } });
    await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    await input.press('Escape');
    await input.press('Escape');
    await page.mouse.move(0, 0);
  });

  it('adds an answered next question to the findings', async () => {
    const question = page.getByTestId('next-questions').locator('li').first();
    const asked = (await question.locator('span').first().textContent())?.replace(/\?$/, '') ?? '';
    await question.getByRole('button', { name: 'No' }).click();
    await expect
      .poll(() => page.getByTestId('findings-list').textContent())
      .toContain(`No ${asked}`);
    await suggestionsUpdated();
  });

  it('warns at once when a drug that interacts with the active list is proposed', async () => {
    await pickFromTypeahead('Drug being considered', 'ibuprof');
    const warnings = page.getByTestId('interaction-warnings');
    await warnings.locator('article').first().waitFor({ timeout: 15_000 });
    const text = (await warnings.textContent()) ?? '';
    expect(text).toContain('ibuprofen');
    expect(text).toContain('warfarin');
    expect(text).toMatch(/major|contraindicated/i);
    await screenshot('03-interaction-warning');
  });

  it('finds a drug by its international name (paracetamol is acetaminophen)', async () => {
    const input = page.getByRole('combobox', { name: 'Drug being considered' });
    await input.focus();
    await input.pressSequentially('paracetamol', { delay: 15 });
    const option = page
      .getByRole('listbox', { name: 'Drug being considered' })
      .getByRole('option')
      .first();
    await option.waitFor();
    expect(await option.locator('.option-label').textContent()).toBe('acetaminophen');
    expect(await option.locator('.option-detail').textContent()).toBe(
      'international name “paracetamol”',
    );
    // Escape closes the list, then clears the box: nothing is proposed.
    await input.press('Escape');
    await input.press('Escape');
    await expect.poll(() => input.inputValue()).toBe('');
  });

  it('records a dismissed suggestion in the nearline queue', async () => {
    const { patientId } = stack.seeds.anticoagulated;
    const item = page.getByTestId('differential-item').first();
    await item.getByRole('button', { name: /^Dismiss / }).click();
    await item.getByLabel('Reason').selectOption('ruled-out');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/events/feedback'));
    await item.getByRole('button', { name: 'Confirm dismiss' }).click();
    const body = JSON.parse((await sent).postData() ?? '{}') as {
      eventId: string;
      feedback: { action: string; reason: string; suggestion: { kind: string; id: string } };
    };
    await item.getByTestId('feedback-status').filter({ hasText: 'feedback recorded' }).waitFor();
    expect(body.feedback).toMatchObject({ action: 'dismissed', reason: 'ruled-out' });
    const pending = await pendingEvents(patientId);
    const entry = pending[body.eventId];
    expect(entry).toBeDefined();
    expect(entry).toContain('"kind":"feedback"');
    expect(entry).toContain(`"id":"${body.feedback.suggestion.id}"`);
    const lake = await stack.redis.xrange(createNearlineKeys(KEY_PREFIX).lakeStream, '-', '+');
    expect(lake.some(([, fields]) => fields.join(' ').includes(body.eventId))).toBe(true);
  });

  it('structures a note for review and saves the coded visit', async () => {
    const { patientId } = stack.seeds.anticoagulated;
    await page.getByLabel('Note or transcript').fill(NOTE);
    const summarized = page.waitForRequest((r) => r.url().endsWith('/api/v1/summarize'));
    await page.getByRole('button', { name: 'Structure note' }).click();
    // The record's age goes with the note, so vitals are judged against cut-offs for that age.
    expect(JSON.parse((await summarized).postData() ?? '{}')).toMatchObject({ ageYears: 67 });
    const review = page.getByTestId('note-summary');
    await review.waitFor();
    const text = (await review.textContent()) ?? '';
    expect(await review.getByTestId('vital-cut-offs').textContent()).toContain(
      'Adult vital-sign cut-offs, age 67 years. Age from the patient record.',
    );
    expect(text).toMatch(/Fever/i);
    expect(text).toMatch(/Chest pain\s*absent/i);
    expect(text).toMatch(/amoxicillin/i);
    await review.getByRole('heading', { name: 'Findings' }).scrollIntoViewIfNeeded();
    await screenshot('04-note-summary');
    expect(await accessibilityViolations(page)).toEqual([]);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/events/visit'));
    await page.getByRole('button', { name: 'Save visit record' }).click();
    const body = JSON.parse((await sent).postData() ?? '{}') as {
      eventId: string;
      medications: { started: string[] };
    };
    await page.getByTestId('visit-status').filter({ hasText: 'Visit recorded' }).waitFor();
    expect(body.medications.started).toContain('723');
    expect((await pendingEvents(patientId))[body.eventId]).toContain('"kind":"visit"');
  });

  it('shows a stale-record banner for a patient whose features are days old', async () => {
    await page.getByRole('button', { name: '← Change patient' }).click();
    await page.locator(`.demo-patient[title="${stack.seeds.stale.patientId}"]`).click();
    await page.getByRole('heading', { name: /Male, 45/ }).waitFor();
    const banner = page.locator('.banner.stale');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Conditions.*Medications/);
    expect(await page.locator('.patient-panel').textContent()).toContain(
      'Worked out from age and sex only',
    );
    await pickFromTypeahead('Add a finding', 'wheez');
    await suggestionsUpdated();
    await screenshot('05-stale-record');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('loaded nothing from another origin and logged no EHR id or note text', () => {
    expect(foreignRequests).toEqual([]);
    const output = stack.output();
    expect(output).toContain('online service listening');
    expect(output).not.toContain(EHR_ID);
    expect(output).not.toContain('productive cough and fever');
  });
});
