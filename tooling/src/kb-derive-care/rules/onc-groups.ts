/**
 * The 15 ONC high-priority interaction groups (Phansalkar et al., JAMIA 2012). The drug lists come from
 * the ONC table (`onc_high_priority_groups.csv`); this file adds the clinical text and splits a group's
 * precipitants by severity where the FDA labels treat them differently.
 */
import type { Severity } from './rule.js';

export interface OncSplit {
  idSuffix: string;
  severity: Severity;
  /** Precipitant drugs (catalog names) this split covers; the first split without a list takes the rest. */
  precipitants?: readonly string[];
  management: string;
}

export interface OncGroupSpec {
  group: number;
  id: string;
  mechanism: string;
  consequence: string;
  splits: readonly OncSplit[];
  /** Class selectors used instead of drug lists (group 21 has no drug list: CredibleMeds). */
  classSelector?: string;
  /** Names in the ONC table that are not drugs of this group (data errors), with the reason. */
  ignore?: Readonly<Record<string, string>>;
  /** Precipitants the ONC table names in its class label but leaves out of its drug list. */
  addPrecipitants?: readonly string[];
}

const FOURTEEN_DAYS =
  'allow at least 14 days between stopping the MAOI and starting the other drug';

export const ONC_GROUPS: readonly OncGroupSpec[] = [
  {
    group: 3,
    id: 'onc-amphetamine-derivatives-maoi',
    mechanism:
      'MAO inhibition prevents breakdown of the noradrenaline and dopamine released by amphetamine derivatives and other indirect sympathomimetics.',
    consequence:
      'Hypertensive crisis (severe hypertension, headache, hyperpyrexia), arrhythmia and stroke.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management: `Do not combine; ${FOURTEEN_DAYS}.`,
      },
    ],
  },
  {
    group: 4,
    id: 'onc-atazanavir-ppi',
    mechanism:
      'Atazanavir needs an acidic stomach to dissolve; proton pump inhibitors raise gastric pH.',
    consequence:
      'Atazanavir exposure falls by up to 75-95%, with loss of viral suppression and resistance.',
    splits: [
      {
        idSuffix: '',
        severity: 'major',
        management:
          'Avoid. Treatment-naive patients on ritonavir-boosted atazanavir may take at most omeprazole 20 mg (or equivalent) 12 hours apart; not recommended in treatment-experienced patients. Consider an H2 antagonist with dose separation instead.',
      },
    ],
  },
  {
    group: 6,
    id: 'onc-febuxostat-thiopurines',
    mechanism:
      'Xanthine oxidase inhibition blocks the inactivation of azathioprine and mercaptopurine.',
    consequence: 'Thiopurine levels rise: severe, potentially fatal bone-marrow suppression.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management:
          'Contraindicated (febuxostat label). If urate lowering is essential, seek specialist advice; with allopurinol the thiopurine dose must be cut to 25-33% with close blood-count monitoring.',
      },
    ],
  },
  {
    group: 8,
    id: 'onc-ssri-snri-maoi',
    mechanism:
      'Serotonin reuptake inhibition combined with MAO inhibition greatly increases synaptic serotonin.',
    consequence:
      'Serotonin syndrome: agitation, hyperthermia, clonus, autonomic instability; can be fatal.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management:
          'Contraindicated. Allow 14 days after stopping an MAOI before starting; after stopping fluoxetine wait 5 weeks, and 2 weeks after other SSRIs/SNRIs (1 week after venlafaxine or desvenlafaxine), before starting an MAOI.',
      },
    ],
  },
  {
    group: 11,
    id: 'onc-irinotecan-cyp3a4-inhibitors',
    mechanism:
      "CYP3A4 inhibition reduces irinotecan's oxidative clearance and increases exposure to its active metabolite SN-38.",
    consequence: 'Severe neutropenia and diarrhoea.',
    splits: [
      {
        idSuffix: '-strong',
        severity: 'contraindicated',
        precipitants: [
          'ritonavir',
          'nelfinavir',
          'atazanavir',
          'indinavir',
          'saquinavir',
          'amprenavir',
          'darunavir',
          'lopinavir',
          'tipranavir',
          'fosamprenavir',
          'clarithromycin',
          'telithromycin',
          'ketoconazole',
          'itraconazole',
          'voriconazole',
          'nefazodone',
        ],
        management:
          'Do not give strong CYP3A4 inhibitors during irinotecan treatment; stop them at least 1 week before the first dose (irinotecan label).',
      },
      {
        idSuffix: '-moderate',
        severity: 'major',
        management:
          'Avoid if possible; if unavoidable, oncology review of the irinotecan dose and close monitoring of blood counts and diarrhoea.',
      },
    ],
  },
  {
    group: 16,
    id: 'onc-serotonergic-opioids-maoi',
    mechanism:
      'Meperidine, methadone, tapentadol, fentanyl, tramadol and dextromethorphan inhibit serotonin reuptake; MAO inhibition blocks serotonin breakdown.',
    consequence:
      'Serotonin syndrome or severe excitatory reactions (hyperthermia, blood-pressure instability, coma); deaths reported with meperidine.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management: `Contraindicated; ${FOURTEEN_DAYS}. For analgesia, ask a specialist for an opioid without serotonergic activity.`,
      },
    ],
  },
  {
    group: 20,
    id: 'onc-tca-maoi',
    mechanism: 'Additive inhibition of monoamine reuptake and breakdown.',
    consequence: 'Serotonin syndrome, hypertensive crisis, hyperpyrexia and seizures.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management: `Contraindicated outside specialist practice; ${FOURTEEN_DAYS}.`,
      },
    ],
  },
  {
    group: 21,
    id: 'onc-qt-prolonging-combination',
    classSelector: 'qt-prolonging',
    mechanism: 'Additive block of cardiac repolarisation (hERG/IKr potassium current).',
    consequence:
      'QT prolongation and torsades de pointes, sudden cardiac death; higher risk with hypokalaemia, hypomagnesaemia, bradycardia, female sex, structural heart disease or high doses.',
    splits: [
      {
        idSuffix: '',
        severity: 'major',
        management:
          'Avoid the combination if possible. If needed: baseline and follow-up ECG (QTc), correct potassium and magnesium, use the lowest effective doses; stop if QTc exceeds 500 ms or rises by more than 60 ms.',
      },
    ],
  },
  {
    group: 22,
    id: 'onc-ramelteon-cyp1a2-inhibitors',
    mechanism: "CYP1A2 inhibition blocks ramelteon's main route of clearance.",
    consequence:
      'Ramelteon exposure rises many-fold (about 190-fold with fluvoxamine): excessive sedation and next-day impairment.',
    splits: [
      {
        idSuffix: '-fluvoxamine',
        severity: 'contraindicated',
        precipitants: ['fluvoxamine'],
        management: 'Do not combine (ramelteon label contraindication).',
      },
      {
        idSuffix: '-other',
        severity: 'major',
        management: 'Use with caution or choose another hypnotic; warn about next-day drowsiness.',
      },
    ],
  },
  {
    group: 23,
    id: 'onc-protease-inhibitors-cyp3a4-inducers',
    mechanism:
      'Induction of CYP3A4 (and P-glycoprotein) markedly increases the clearance of HIV protease inhibitors.',
    consequence:
      'Sub-therapeutic protease-inhibitor levels, virological failure and drug resistance.',
    ignore: { nsaid: 'not a protease inhibitor: an artefact of the ONC source table' },
    splits: [
      {
        idSuffix: '-contraindicated',
        severity: 'contraindicated',
        precipitants: ['rifampin', 'rifapentine', 'st johns wort'],
        management:
          "Contraindicated. Use rifabutin (dose-adjusted) instead of rifampin; stop St John's wort.",
      },
      {
        idSuffix: '-other',
        severity: 'major',
        management:
          'Avoid, or review with an HIV pharmacist: rifabutin needs dose reduction (150 mg daily) with boosted protease inhibitors; carbamazepine and bosentan need alternatives or level monitoring.',
      },
    ],
  },
  {
    group: 25,
    id: 'onc-simvastatin-lovastatin-cyp3a4-inhibitors',
    addPrecipitants: ['indinavir'],
    mechanism: 'CYP3A4 inhibition raises simvastatin and lovastatin (acid) levels many-fold.',
    consequence: 'Myopathy and rhabdomyolysis, with acute kidney injury.',
    splits: [
      {
        idSuffix: '-contraindicated',
        severity: 'contraindicated',
        precipitants: [
          'saquinavir',
          'tipranavir',
          'ritonavir',
          'nelfinavir',
          'atazanavir',
          'amprenavir',
          'darunavir',
          'lopinavir',
          'indinavir',
          'clarithromycin',
          'erythromycin',
          'telithromycin',
          'ketoconazole',
          'itraconazole',
          'voriconazole',
          'nefazodone',
        ],
        management:
          'Contraindicated (statin labels): withhold simvastatin/lovastatin during a short course (e.g. clarithromycin), or switch to pravastatin, rosuvastatin or pitavastatin.',
      },
      {
        idSuffix: '-dose-limit',
        severity: 'major',
        management:
          'Limit simvastatin to 10 mg with verapamil or diltiazem and 20 mg with amiodarone (lovastatin 20-40 mg), or switch statin; ask the patient to report muscle pain or dark urine.',
      },
    ],
  },
  {
    group: 27,
    id: 'onc-ergots-cyp3a4-inhibitors',
    mechanism: 'CYP3A4 inhibition raises ergot alkaloid levels.',
    consequence:
      'Ergotism: severe vasospasm with ischaemia of the limbs, brain or heart; deaths reported.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management: 'Contraindicated. Use a non-ergot treatment.',
      },
    ],
  },
  {
    group: 28,
    id: 'onc-tizanidine-cyp1a2-inhibitors',
    mechanism: "CYP1A2 inhibition blocks tizanidine's clearance.",
    consequence:
      'Tizanidine levels rise 10- to 33-fold: profound hypotension, bradycardia and excessive sedation.',
    splits: [
      {
        idSuffix: '-contraindicated',
        severity: 'contraindicated',
        precipitants: ['ciprofloxacin', 'fluvoxamine'],
        management:
          'Contraindicated (tizanidine label): choose another antibiotic or antidepressant.',
      },
      {
        idSuffix: '-other',
        severity: 'major',
        management:
          'Avoid; if unavoidable, start tizanidine at a low dose and monitor blood pressure, heart rate and sedation.',
      },
    ],
  },
  {
    group: 30,
    id: 'onc-tranylcypromine-procarbazine',
    mechanism: 'Procarbazine is itself a weak MAO inhibitor: additive MAO inhibition.',
    consequence: 'Hypertensive crisis, serotonin toxicity and CNS excitation.',
    splits: [{ idSuffix: '', severity: 'contraindicated', management: 'Do not combine.' }],
  },
  {
    group: 31,
    id: 'onc-triptans-maoi',
    mechanism:
      'MAO-A metabolises sumatriptan, rizatriptan and zolmitriptan; inhibition raises their levels and adds serotonergic effect.',
    consequence: 'Markedly higher triptan exposure, vasoconstriction and serotonin syndrome.',
    splits: [
      {
        idSuffix: '',
        severity: 'contraindicated',
        management:
          'Contraindicated during and within 2 weeks of an MAO-A inhibitor. Use a triptan not metabolised by MAO (eletriptan, naratriptan, frovatriptan) with caution, or a non-triptan treatment.',
      },
    ],
  },
];

/** Spellings in the ONC table that differ from the catalog's names. */
export const ONC_NAME_ALIASES: Readonly<Record<string, string>> = {
  esmoprazole: 'esomeprazole',
  voreconazole: 'voriconazole',
  lisdexamefetamine: 'lisdexamfetamine',
  moclobamide: 'moclobemide',
  'st john’s wort': 'st johns wort',
  "st john's wort": 'st johns wort',
};
