/** The made-up note the OpenAPI document shows; its answers are computed by the running extractor. */
export const EXAMPLE_NOTE = [
  'CC: cough and fever for 3 days',
  'HPI: 54 y/o F with productive cough, fever and shortness of breath. Denies chest pain.',
  'PMH: hypertension',
  'Meds: lisinopril 10 mg PO daily',
  'Allergies: penicillin (rash)',
  'Vitals: BP 138/86, HR 104, T 38.4 C, SpO2 94%',
  'Assessment: possible community-acquired pneumonia',
  'Plan: chest x-ray. Start azithromycin 500 mg PO daily x 3 days. Follow up in 2 days.',
].join('\n');

/** A short "Doctor: … Patient: …" transcript, the other input shape the extractor reads. */
export const EXAMPLE_TRANSCRIPT = [
  'Doctor: What brings you in today?',
  'Patient: I have had a fever since Monday.',
  'Doctor: Any chest pain?',
  'Patient: No.',
].join('\n');

/** Fixed time and pseudonyms of the documented FHIR example (a real answer uses the request's). */
export const EXAMPLE_NOW = '2026-03-02T09:30:00.000Z';
export const EXAMPLE_PATIENT = 'pt_0123456789abcdef0123456789abcdef';
export const EXAMPLE_ENCOUNTER = 'en_fedcba9876543210fedcba9876543210';
