/** Every source the diagnosis knowledge base cites: datasets, epidemiology, diagnostic accuracy, guidelines. */
import type { CuratedSource } from './types.js';

const NICE = 'National Institute for Health and Care Excellence (NICE)';
const NICE_TERMS = 'facts cited; NICE content © NICE, reuse under NICE terms';
const CITED = 'facts cited';

interface NiceGuidance {
  id: string;
  title: string;
  year: number;
  path: string;
}

function nice({ id, title, year, path }: NiceGuidance): CuratedSource {
  return {
    id,
    title,
    publisher: NICE,
    year,
    url: `https://www.nice.org.uk/guidance/${path}`,
    licence: NICE_TERMS,
  };
}

export const SOURCES: CuratedSource[] = [
  // ─── datasets ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'columbia-dskb',
    title:
      'Disease-Symptom Knowledge Database (Wang X, Chused A, Elhadad N, Friedman C, Markatou M. Automated knowledge acquisition from clinical narrative reports. AMIA Annu Symp Proc 2008:783-7)',
    publisher: 'Columbia University Department of Biomedical Informatics',
    year: 2008,
    url: 'https://people.dbmi.columbia.edu/~friedma/Projects/DiseaseSymptomKB/index.html',
    licence: 'facts cited, no redistribution licence',
  },
  {
    id: 'hsdn',
    title:
      'Human symptoms-disease network (Zhou X, Menche J, Barabási AL, Sharma A. Nat Commun 2014;5:4212), Disease Ontology mapping by D. Himmelstein',
    publisher: 'Nature Communications',
    year: 2014,
    url: 'https://doi.org/10.1038/ncomms5212',
    licence: 'CC BY 4.0',
  },
  {
    id: 'cdc-icd10cm-fy2021',
    title: 'ICD-10-CM, FY2021 release (code titles and tabular list)',
    publisher: 'CDC National Center for Health Statistics',
    year: 2020,
    url: 'https://www.cdc.gov/nchs/icd/icd-10-cm.htm',
    licence: 'public domain',
  },
  {
    id: 'loinc',
    title: 'LOINC: Logical Observation Identifiers Names and Codes',
    publisher: 'Regenstrief Institute',
    year: 2023,
    url: 'https://loinc.org',
    licence: 'codes cited under the LOINC licence',
  },
  {
    id: 'snomed-ct',
    title: 'SNOMED CT International Edition (concept identifiers)',
    publisher: 'SNOMED International',
    year: 2023,
    url: 'https://www.snomed.org',
    licence: 'identifiers cited; use requires a SNOMED CT affiliate licence',
  },
  // ─── epidemiology (priors) ───────────────────────────────────────────────────────────────────
  {
    id: 'msgp4',
    title:
      'Morbidity Statistics from General Practice: Fourth national study 1991-1992 (McCormick A, Fleming D, Charlton J), consultation rates per 1,000 by age and sex',
    publisher: 'Office of Population Censuses and Surveys / HMSO',
    year: 1995,
    licence: CITED,
  },
  {
    id: 'namcs-2019',
    title: 'National Ambulatory Medical Care Survey: 2019 National Summary Tables',
    publisher: 'CDC National Center for Health Statistics',
    year: 2021,
    url: 'https://www.cdc.gov/nchs/ahcd/index.htm',
    licence: 'public domain',
  },
  {
    id: 'nhs-qof-2021',
    title: 'Quality and Outcomes Framework 2020-21: disease prevalence',
    publisher: 'NHS Digital',
    year: 2021,
    url: 'https://digital.nhs.uk/data-and-information/publications/statistical/quality-and-outcomes-framework-achievement-prevalence-and-exceptions-data',
    licence: 'Open Government Licence v3.0',
  },
  {
    id: 'cdc-nhanes',
    title: 'NCHS Data Briefs and Health E-Stats from NHANES (prevalence of chronic conditions)',
    publisher: 'CDC National Center for Health Statistics',
    year: 2021,
    url: 'https://www.cdc.gov/nchs/nhanes/index.htm',
    licence: 'public domain',
  },
  {
    id: 'seer-stat-facts',
    title: 'SEER Cancer Stat Facts (age-specific incidence)',
    publisher: 'National Cancer Institute',
    year: 2023,
    url: 'https://seer.cancer.gov/statfacts/',
    licence: 'public domain',
  },
  {
    id: 'gbd-2019',
    title: 'Global Burden of Disease Study 2019 (incidence and prevalence estimates)',
    publisher: 'Institute for Health Metrics and Evaluation',
    year: 2020,
    url: 'https://vizhub.healthdata.org/gbd-results/',
    licence: CITED,
  },
  // ─── diagnostic accuracy ─────────────────────────────────────────────────────────────────────
  {
    id: 'jama-rce',
    title:
      'The Rational Clinical Examination: Evidence-Based Clinical Diagnosis (Simel DL, Rennie D, Keitz SA, eds.)',
    publisher: 'JAMA / McGraw-Hill',
    year: 2009,
    licence: CITED,
  },
  {
    id: 'mcgee-ebpd',
    title: 'Evidence-Based Physical Diagnosis, 5th edition (McGee S)',
    publisher: 'Elsevier',
    year: 2021,
    licence: CITED,
  },
  {
    id: 'rcp-news2',
    title:
      'National Early Warning Score (NEWS) 2: standardising the assessment of acute-illness severity',
    publisher: 'Royal College of Physicians',
    year: 2017,
    url: 'https://www.rcplondon.ac.uk/projects/outputs/national-early-warning-score-news-2',
    licence: CITED,
  },
  {
    id: 'who-anaemia-2011',
    title: 'Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity',
    publisher: 'World Health Organization',
    year: 2011,
    url: 'https://apps.who.int/iris/handle/10665/85839',
    licence: 'CC BY-NC-SA 3.0 IGO',
  },
  // ─── guidelines and clinical summaries ───────────────────────────────────────────────────────
  {
    id: 'nice-cks',
    title: 'Clinical Knowledge Summaries (topic pages for primary care presentations)',
    publisher: NICE,
    year: 2023,
    url: 'https://cks.nice.org.uk',
    licence: NICE_TERMS,
  },
  nice({
    id: 'nice-ng12',
    title: 'Suspected cancer: recognition and referral (NG12)',
    year: 2023,
    path: 'ng12',
  }),
  nice({
    id: 'nice-ng51',
    title: 'Suspected sepsis: recognition, diagnosis and early management (NG51)',
    year: 2024,
    path: 'ng51',
  }),
  nice({
    id: 'nice-cg95',
    title: 'Recent-onset chest pain of suspected cardiac origin (CG95)',
    year: 2016,
    path: 'cg95',
  }),
  nice({
    id: 'nice-ng128',
    title: 'Stroke and transient ischaemic attack in over 16s (NG128)',
    year: 2022,
    path: 'ng128',
  }),
  nice({
    id: 'nice-cg150',
    title: 'Headaches in over 12s: diagnosis and management (CG150)',
    year: 2021,
    path: 'cg150',
  }),
  nice({
    id: 'nice-ng240',
    title: 'Meningitis (bacterial) and meningococcal disease (NG240)',
    year: 2024,
    path: 'ng240',
  }),
  nice({
    id: 'nice-ng158',
    title: 'Venous thromboembolic diseases: diagnosis and management (NG158)',
    year: 2023,
    path: 'ng158',
  }),
  nice({
    id: 'nice-ng59',
    title: 'Low back pain and sciatica in over 16s (NG59)',
    year: 2020,
    path: 'ng59',
  }),
  nice({
    id: 'nice-ng138',
    title: 'Pneumonia (community-acquired): antimicrobial prescribing (NG138)',
    year: 2019,
    path: 'ng138',
  }),
  nice({
    id: 'nice-ng109',
    title: 'Urinary tract infection (lower): antimicrobial prescribing (NG109)',
    year: 2018,
    path: 'ng109',
  }),
  nice({
    id: 'nice-ng111',
    title: 'Pyelonephritis (acute): antimicrobial prescribing (NG111)',
    year: 2018,
    path: 'ng111',
  }),
  nice({
    id: 'nice-ng84',
    title: 'Sore throat (acute): antimicrobial prescribing (NG84)',
    year: 2018,
    path: 'ng84',
  }),
  {
    id: 'apls-2016',
    title:
      'Advanced Paediatric Life Support: A Practical Approach to Emergencies, 6th ed. (normal heart and respiratory rates by age)',
    publisher: 'Advanced Life Support Group (Wiley-Blackwell)',
    year: 2016,
    licence: CITED,
  },
  {
    id: 'who-imci-2014',
    title:
      'Integrated Management of Childhood Illness chart booklet (fast breathing: 60/min or more under 2 months, 50 from 2 to 12 months, 40 from 12 months to 5 years)',
    publisher: 'World Health Organization',
    year: 2014,
    url: 'https://www.who.int/publications/m/item/integrated-management-of-childhood-illness---chart-booklet-(march-2014)',
    licence: CITED,
  },
  {
    id: 'aha-pals-2020',
    title:
      'Pediatric Advanced Life Support Provider Manual (normal heart rates by age: 3 months to 2 years 100-190/min, 2 to 10 years 60-140/min)',
    publisher: 'American Heart Association',
    year: 2020,
    licence: CITED,
  },
  nice({
    id: 'nice-ng143',
    title: 'Fever in under 5s: assessment and initial management (NG143)',
    year: 2021,
    path: 'ng143',
  }),
  nice({
    id: 'nice-ng136',
    title: 'Hypertension in adults: diagnosis and management (NG136)',
    year: 2023,
    path: 'ng136',
  }),
  nice({
    id: 'nice-ng28',
    title: 'Type 2 diabetes in adults: management (NG28)',
    year: 2022,
    path: 'ng28',
  }),
  nice({
    id: 'nice-ng106',
    title: 'Chronic heart failure in adults: diagnosis and management (NG106)',
    year: 2018,
    path: 'ng106',
  }),
  nice({
    id: 'nice-ng196',
    title: 'Atrial fibrillation: diagnosis and management (NG196)',
    year: 2021,
    path: 'ng196',
  }),
  nice({
    id: 'nice-ng115',
    title: 'Chronic obstructive pulmonary disease in over 16s (NG115)',
    year: 2019,
    path: 'ng115',
  }),
  nice({
    id: 'nice-ng80',
    title: 'Asthma: diagnosis, monitoring and chronic asthma management (NG80)',
    year: 2021,
    path: 'ng80',
  }),
  nice({
    id: 'nice-cg184',
    title: 'Gastro-oesophageal reflux disease and dyspepsia in adults (CG184)',
    year: 2019,
    path: 'cg184',
  }),
  nice({
    id: 'nice-cg61',
    title: 'Irritable bowel syndrome in adults (CG61)',
    year: 2017,
    path: 'cg61',
  }),
  nice({
    id: 'nice-ng97',
    title: 'Dementia: assessment, management and support (NG97)',
    year: 2018,
    path: 'ng97',
  }),
  nice({
    id: 'nice-ng222',
    title: 'Depression in adults: treatment and management (NG222)',
    year: 2022,
    path: 'ng222',
  }),
  nice({
    id: 'nice-cg113',
    title: 'Generalised anxiety disorder and panic disorder in adults (CG113)',
    year: 2020,
    path: 'cg113',
  }),
  nice({
    id: 'nice-ng100',
    title: 'Rheumatoid arthritis in adults: management (NG100)',
    year: 2020,
    path: 'ng100',
  }),
  nice({
    id: 'nice-ng219',
    title: 'Gout: diagnosis and management (NG219)',
    year: 2022,
    path: 'ng219',
  }),
  nice({
    id: 'nice-ng226',
    title: 'Osteoarthritis in over 16s: diagnosis and management (NG226)',
    year: 2022,
    path: 'ng226',
  }),
  nice({
    id: 'nice-ng232',
    title: 'Head injury: assessment and early management (NG232)',
    year: 2023,
    path: 'ng232',
  }),
  nice({
    id: 'nice-ng203',
    title: 'Chronic kidney disease: assessment and management (NG203)',
    year: 2021,
    path: 'ng203',
  }),
  nice({
    id: 'nice-ng118',
    title: 'Renal and ureteric stones: assessment and management (NG118)',
    year: 2019,
    path: 'ng118',
  }),
  nice({
    id: 'nice-cg97',
    title: 'Lower urinary tract symptoms in men: management (CG97)',
    year: 2015,
    path: 'cg97',
  }),
  nice({
    id: 'nice-ng126',
    title: 'Ectopic pregnancy and miscarriage: diagnosis and initial management (NG126)',
    year: 2023,
    path: 'ng126',
  }),
  nice({
    id: 'nice-ng133',
    title: 'Hypertension in pregnancy: diagnosis and management (NG133)',
    year: 2023,
    path: 'ng133',
  }),
  nice({
    id: 'nice-ng145',
    title: 'Thyroid disease: assessment and management (NG145)',
    year: 2019,
    path: 'ng145',
  }),
  nice({
    id: 'nice-ng120',
    title: 'Cough (acute): antimicrobial prescribing (NG120)',
    year: 2019,
    path: 'ng120',
  }),
  nice({
    id: 'nice-ng79',
    title: 'Sinusitis (acute): antimicrobial prescribing (NG79)',
    year: 2017,
    path: 'ng79',
  }),
  nice({
    id: 'nice-ng91',
    title: 'Otitis media (acute): antimicrobial prescribing (NG91)',
    year: 2018,
    path: 'ng91',
  }),
  nice({
    id: 'nice-ng141',
    title: 'Cellulitis and erysipelas: antimicrobial prescribing (NG141)',
    year: 2019,
    path: 'ng141',
  }),
  nice({
    id: 'nice-ng191',
    title: 'COVID-19 rapid guideline: managing COVID-19 (NG191)',
    year: 2023,
    path: 'ng191',
  }),
  nice({
    id: 'nice-cg103',
    title: 'Delirium: prevention, diagnosis and management in hospital and long-term care (CG103)',
    year: 2023,
    path: 'cg103',
  }),
  nice({
    id: 'nice-ng9',
    title: 'Bronchiolitis in children: diagnosis and management (NG9)',
    year: 2021,
    path: 'ng9',
  }),
  nice({
    id: 'nice-ng88',
    title: 'Heavy menstrual bleeding: assessment and management (NG88)',
    year: 2021,
    path: 'ng88',
  }),
  nice({
    id: 'nice-ng73',
    title: 'Endometriosis: diagnosis and management (NG73)',
    year: 2017,
    path: 'ng73',
  }),
  nice({
    id: 'nice-ng23',
    title: 'Menopause: diagnosis and management (NG23)',
    year: 2019,
    path: 'ng23',
  }),
  nice({
    id: 'nice-cg134',
    title: 'Anaphylaxis: assessment and referral after emergency treatment (CG134)',
    year: 2020,
    path: 'cg134',
  }),
  {
    id: 'aha-acc-chest-pain-2021',
    title:
      '2021 AHA/ACC/ASE/CHEST/SAEM/SCCT/SCMR Guideline for the Evaluation and Diagnosis of Chest Pain (Gulati M et al. Circulation 2021;144:e368-e454)',
    publisher: 'American Heart Association / American College of Cardiology',
    year: 2021,
    url: 'https://doi.org/10.1161/CIR.0000000000001029',
    licence: CITED,
  },
  {
    id: 'aha-stroke-2019',
    title:
      'Guidelines for the Early Management of Patients With Acute Ischemic Stroke: 2019 Update (Powers WJ et al. Stroke 2019;50:e344-e418)',
    publisher: 'American Heart Association / American Stroke Association',
    year: 2019,
    url: 'https://doi.org/10.1161/STR.0000000000000211',
    licence: CITED,
  },
  {
    id: 'esc-pe-2019',
    title:
      '2019 ESC Guidelines for the diagnosis and management of acute pulmonary embolism (Konstantinides SV et al. Eur Heart J 2020;41:543-603)',
    publisher: 'European Society of Cardiology',
    year: 2019,
    url: 'https://doi.org/10.1093/eurheartj/ehz405',
    licence: CITED,
  },
  {
    id: 'idsa-ats-cap-2019',
    title:
      'Diagnosis and Treatment of Adults with Community-acquired Pneumonia: ATS/IDSA guideline (Metlay JP et al. Am J Respir Crit Care Med 2019;200:e45-e67)',
    publisher: 'American Thoracic Society / Infectious Diseases Society of America',
    year: 2019,
    url: 'https://doi.org/10.1164/rccm.201908-1581ST',
    licence: CITED,
  },
  {
    id: 'idsa-gas-2012',
    title:
      'Clinical Practice Guideline for the Diagnosis and Management of Group A Streptococcal Pharyngitis (Shulman ST et al. Clin Infect Dis 2012;55:e86-e102)',
    publisher: 'Infectious Diseases Society of America',
    year: 2012,
    url: 'https://doi.org/10.1093/cid/cis629',
    licence: CITED,
  },
  {
    id: 'idsa-rhinosinusitis-2012',
    title:
      'IDSA Clinical Practice Guideline for Acute Bacterial Rhinosinusitis in Children and Adults (Chow AW et al. Clin Infect Dis 2012;54:e72-e112)',
    publisher: 'Infectious Diseases Society of America',
    year: 2012,
    url: 'https://doi.org/10.1093/cid/cir1043',
    licence: CITED,
  },
  {
    id: 'idsa-uti-2011',
    title:
      'International Clinical Practice Guidelines for the Treatment of Acute Uncomplicated Cystitis and Pyelonephritis in Women (Gupta K et al. Clin Infect Dis 2011;52:e103-e120)',
    publisher: 'Infectious Diseases Society of America',
    year: 2011,
    url: 'https://doi.org/10.1093/cid/ciq257',
    licence: CITED,
  },
  {
    id: 'idsa-influenza-2018',
    title:
      'Clinical Practice Guidelines by the IDSA: Seasonal Influenza in Adults and Children (Uyeki TM et al. Clin Infect Dis 2019;68:e1-e47)',
    publisher: 'Infectious Diseases Society of America',
    year: 2018,
    url: 'https://doi.org/10.1093/cid/ciy866',
    licence: CITED,
  },
  {
    id: 'idsa-ssti-2014',
    title:
      'Practice Guidelines for the Diagnosis and Management of Skin and Soft Tissue Infections (Stevens DL et al. Clin Infect Dis 2014;59:e10-e52)',
    publisher: 'Infectious Diseases Society of America',
    year: 2014,
    url: 'https://doi.org/10.1093/cid/ciu296',
    licence: CITED,
  },
  {
    id: 'aap-aom-2013',
    title:
      'The Diagnosis and Management of Acute Otitis Media (Lieberthal AS et al. Pediatrics 2013;131:e964-e999)',
    publisher: 'American Academy of Pediatrics',
    year: 2013,
    url: 'https://doi.org/10.1542/peds.2012-3488',
    licence: CITED,
  },
  {
    id: 'gina-2023',
    title: 'Global Strategy for Asthma Management and Prevention, 2023 update',
    publisher: 'Global Initiative for Asthma (GINA)',
    year: 2023,
    url: 'https://ginasthma.org/reports/',
    licence: CITED,
  },
  {
    id: 'gold-2023',
    title: 'Global Strategy for Prevention, Diagnosis and Management of COPD: 2023 Report',
    publisher: 'Global Initiative for Chronic Obstructive Lung Disease (GOLD)',
    year: 2023,
    url: 'https://goldcopd.org/2023-gold-report-2/',
    licence: CITED,
  },
  {
    id: 'ada-soc-2023',
    title: 'Standards of Care in Diabetes—2023 (Diabetes Care 2023;46 Suppl 1)',
    publisher: 'American Diabetes Association',
    year: 2023,
    url: 'https://diabetesjournals.org/care/issue/46/Supplement_1',
    licence: CITED,
  },
  {
    id: 'acc-aha-cholesterol-2018',
    title:
      '2018 AHA/ACC Guideline on the Management of Blood Cholesterol (Grundy SM et al. Circulation 2019;139:e1082-e1143)',
    publisher: 'American Heart Association / American College of Cardiology',
    year: 2018,
    url: 'https://doi.org/10.1161/CIR.0000000000000625',
    licence: CITED,
  },
  {
    id: 'acc-aha-hf-2022',
    title:
      '2022 AHA/ACC/HFSA Guideline for the Management of Heart Failure (Heidenreich PA et al. Circulation 2022;145:e895-e1032)',
    publisher: 'American Heart Association / American College of Cardiology',
    year: 2022,
    url: 'https://doi.org/10.1161/CIR.0000000000001063',
    licence: CITED,
  },
  {
    id: 'acr-gout-2020',
    title:
      '2020 American College of Rheumatology Guideline for the Management of Gout (FitzGerald JD et al. Arthritis Care Res 2020;72:744-760)',
    publisher: 'American College of Rheumatology',
    year: 2020,
    url: 'https://doi.org/10.1002/acr.24180',
    licence: CITED,
  },
  {
    id: 'acr-eular-ra-2010',
    title:
      '2010 Rheumatoid arthritis classification criteria (Aletaha D et al. Arthritis Rheum 2010;62:2569-81)',
    publisher: 'American College of Rheumatology / EULAR',
    year: 2010,
    url: 'https://doi.org/10.1002/art.27584',
    licence: CITED,
  },
  {
    id: 'acp-lbp-2017',
    title:
      'Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain: ACP guideline (Qaseem A et al. Ann Intern Med 2017;166:514-530)',
    publisher: 'American College of Physicians',
    year: 2017,
    url: 'https://doi.org/10.7326/M16-2367',
    licence: CITED,
  },
  {
    id: 'cdc-sti-2021',
    title:
      'Sexually Transmitted Infections Treatment Guidelines, 2021 (Workowski KA et al. MMWR Recomm Rep 2021;70(4))',
    publisher: 'Centers for Disease Control and Prevention',
    year: 2021,
    url: 'https://www.cdc.gov/std/treatment-guidelines/',
    licence: 'public domain',
  },
  {
    id: 'cdc-covid-clinical',
    title: 'Clinical Considerations for Care of Children and Adults with Confirmed COVID-19',
    publisher: 'Centers for Disease Control and Prevention',
    year: 2023,
    url: 'https://www.cdc.gov/coronavirus/2019-ncov/hcp/clinical-care/',
    licence: 'public domain',
  },
  {
    id: 'cdc-lyme',
    title: 'Lyme Disease: Signs and Symptoms; Clinical Care and Treatment',
    publisher: 'Centers for Disease Control and Prevention',
    year: 2022,
    url: 'https://www.cdc.gov/lyme/',
    licence: 'public domain',
  },
  {
    id: 'who-malaria-2023',
    title: 'WHO Guidelines for malaria',
    publisher: 'World Health Organization',
    year: 2023,
    url: 'https://www.who.int/publications/i/item/guidelines-for-malaria',
    licence: 'CC BY-NC-SA 3.0 IGO',
  },
  {
    id: 'acog-pregnancy',
    title:
      'ACOG Practice Bulletins 193 (Tubal ectopic pregnancy, 2018), 222 (Gestational hypertension and preeclampsia, 2020), 189 (Nausea and vomiting of pregnancy, 2018)',
    publisher: 'American College of Obstetricians and Gynecologists',
    year: 2020,
    url: 'https://www.acog.org/clinical/clinical-guidance/practice-bulletin',
    licence: CITED,
  },
  {
    id: 'aao-ppp',
    title:
      'Preferred Practice Pattern guidelines (conjunctivitis, angle-closure, primary open-angle glaucoma, retinal detachment)',
    publisher: 'American Academy of Ophthalmology',
    year: 2020,
    url: 'https://www.aao.org/preferred-practice-pattern',
    licence: CITED,
  },
  {
    id: 'aad-guidelines',
    title: 'Guidelines of care (acne vulgaris 2016; psoriasis 2019; atopic dermatitis 2014)',
    publisher: 'American Academy of Dermatology',
    year: 2019,
    url: 'https://www.aad.org/member/clinical-quality/guidelines',
    licence: CITED,
  },
  {
    id: 'stiell-ottawa-ankle',
    title:
      'Implementation of the Ottawa ankle rules (Stiell IG et al. JAMA 1994;271:827-32) and Ottawa knee rule',
    publisher: 'JAMA',
    year: 1994,
    licence: CITED,
  },
  {
    id: 'nice-ng81',
    title: 'Glaucoma: diagnosis and management (NG81)',
    publisher: 'National Institute for Health and Care Excellence',
    year: 2022,
    url: 'https://www.nice.org.uk/guidance/ng81',
    licence: CITED,
  },
  {
    id: 'tham-glaucoma-2014',
    title:
      'Tham YC, Li X, Wong TY, et al. Global prevalence of glaucoma and projections of glaucoma burden through 2040. Ophthalmology 2014;121(11):2081-90',
    publisher: 'Elsevier (American Academy of Ophthalmology)',
    year: 2014,
    url: 'https://doi.org/10.1016/j.ophtha.2014.05.013',
    licence: CITED,
  },
  {
    id: 'uspstf',
    title: 'U.S. Preventive Services Task Force recommendation statements',
    publisher: 'U.S. Preventive Services Task Force',
    year: 2023,
    url: 'https://www.uspreventiveservicestaskforce.org',
    licence: 'public domain',
  },
  {
    id: 'eular-acr-pmr-2015',
    title:
      '2015 Recommendations for the management of polymyalgia rheumatica (Dejaco C et al. Ann Rheum Dis 2015;74:1799-807) and 2022 ACR/EULAR GCA classification criteria',
    publisher: 'EULAR / American College of Rheumatology',
    year: 2015,
    url: 'https://doi.org/10.1136/annrheumdis-2015-207492',
    licence: CITED,
  },
];
