/**
 * Where the finding and condition codes were verified: public files that show each code next to
 * its display. The ledger (./finding-codes.ts, ./condition-codes.ts) cites these ids; the
 * derivation refuses an unknown id. Reviewed 2026-11 with the exact-string and file look-ups of the
 * public code index (77 look-ups in all). Codes are SNOMED CT International Edition concept ids
 * unless a note says otherwise; each also passes the SCTID check-digit test (../snomed-id.ts).
 */

export interface CodeEvidence {
  id: string;
  /** The public file(s): repository or publisher, path or resource id, and what it lists. */
  what: string;
}

export const CODE_EVIDENCE: CodeEvidence[] = [
  {
    id: 'mii-onko-meddra-sct',
    what: 'Medizininformatik-Initiative FHIR ConceptMap mii-cm-onko-nebenwirkung-meddra-sct v2026.0.3 (MII IG Onkologie): CTCAE v4.03 MedDRA terms to SNOMED CT 20250701, target code with its SNOMED display; curated, with the MII caveat that it is not the official MSSO map',
  },
  {
    id: 'be-ehealth-imaging-indication',
    what: 'Belgian eHealth Platform FHIR ValueSet be-vs-diagnostic-imaging-indication v1.0.0 (eReferral/PSS Diagnostic Imaging IG): SNOMED CT codes with fully specified names',
  },
  {
    id: 'ctas-snomed-anchors',
    what: 'CTAS presenting-complaint to SNOMED CT anchor mapping (backend/scripts/snomed_ingest/anchor_mapping.py in a public triage project), each anchor and the alternatives named in its rationale checked against a loaded SNOMED CT RF2 release',
  },
  {
    id: 'fhir-smoking-status',
    what: 'HL7 FHIR R4 example Goal "stop-smoking" (outcome 8517006 Ex-smoker (finding)) and smoking-status ValueSets in public FHIR IGs listing 77176002 Smoker (finding), 449868002, 428041000124106, 8517006, 266919005',
  },
  {
    id: 'athena-concepts',
    what: 'OHDSI ATHENA concept records (scode, SNOMED synonyms) copied into a public biomedical entity-linking project (rag utilities file listing manually added concepts)',
  },
  {
    id: 'fhir-ig-fsh',
    what: 'FHIR Shorthand ValueSets and example instances in public IGs that state the code with its display: RHD IG (119971000119104 C-reactive protein above reference range (finding)), COVID-19 IG (370391006 Patient immunosuppressed (finding)), Zambia/HIV key-population ValueSet (228388006 Intravenous drug user), Norwegian and other examples (68154008 Chronic cough)',
  },
  {
    id: 'mii-molgen-examples',
    what: 'MII IG Molekulargenetischer Befundbericht example instances: reasonCode 429740004 Family history of malignant neoplasm of breast (situation), 430705002 Family history of malignant neoplasm of ovary (situation)',
  },
  {
    id: 'exact-code-search',
    what: 'Exact-string search of public GitHub code for the code itself, accepted only when at least two independent files show the same display beside it (FHIR resources, SQL/CSV code lists, HPO cross-references) and none contradicts it',
  },
  {
    id: 'chief-complaint-table',
    what: 'Indonesian primary-care chief-complaint SNOMED CT table (SQL INSERT INTO Snomedct, ChiefComplaint rows with English display); it contains typos, so used only for ids that pass the check digit and agree with another source',
  },
  {
    id: 'eye-symptom-bindings',
    what: 'Generated primary-care eye-symptom knowledge file with terminology bindings checked against a SNOMED CT 20260701 terminology server (research-only, unreviewed): corroborating source only',
  },
  {
    id: 'hl7-phr-conceptmap',
    what: 'HL7 Personal Health Record IG ConceptMap symptom-pghd-to-snomedct (label to code, no display): corroborating source only, since some of its targets are loose (drySkin to 106076001 Skin finding)',
  },
  {
    id: 'synthea-bulk-sample',
    what: 'Synthea FHIR R4 bulk sample in ../shared/data/synthea_bulk_10pt (CC0): Condition and Observation codings with SNOMED displays',
  },
  {
    id: 'columbia-dskb-file',
    what: 'Columbia Disease-Symptom KB (../shared/data/disease_symptom_columbia): UMLS CUI with its name for each symptom; the derivation checks a finding CUI against this file',
  },
];
