import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type Severity } from '../kb/index.js';
import { createInteractionChecker } from './interaction-checker.js';

const kb = loadKnowledgeBase();
const checker = createInteractionChecker(kb);

/** One object × precipitant pair per ONC group, from onc_high_priority_groups.csv, brands where sold. */
const ONC_PAIRS: readonly [group: number, object: string, precipitant: string, Severity][] = [
  [3, 'Adderall', 'Parnate', 'contraindicated'],
  [4, 'Reyataz', 'Prilosec', 'major'],
  [6, 'Uloric', 'Imuran', 'contraindicated'],
  [8, 'Prozac', 'Nardil', 'contraindicated'],
  [11, 'Camptosar', 'Nizoral', 'contraindicated'],
  [16, 'Demerol', 'Eldepryl', 'contraindicated'],
  [20, 'amitriptyline', 'Marplan', 'contraindicated'],
  [21, 'Celexa', 'Zithromax', 'major'],
  [22, 'Rozerem', 'Luvox', 'contraindicated'],
  [23, 'Norvir', 'Rifadin', 'contraindicated'],
  [25, 'Zocor', 'Biaxin', 'contraindicated'],
  [27, 'Cafergot', 'Norvir', 'contraindicated'],
  [28, 'Zanaflex', 'Cipro', 'contraindicated'],
  [30, 'Parnate', 'Matulane', 'contraindicated'],
  [31, 'Imitrex', 'Nardil', 'contraindicated'],
];

describe('the shipped interaction rules', () => {
  it('contain all 15 ONC high-priority groups and at least 150 rules', () => {
    const groups = new Set(kb.interactions.flatMap((i) => i.oncGroup ?? []));
    expect([...groups].sort((a, b) => a - b)).toEqual(ONC_PAIRS.map(([g]) => g));
    expect(kb.interactions.length).toBeGreaterThanOrEqual(150);
  });

  it.each(
    ONC_PAIRS.map(([group, object, precipitant, severity]) => ({
      group,
      object,
      precipitant,
      severity,
    })),
  )(
    'ONC group $group fires for $object + $precipitant ($severity)',
    ({ group, object, precipitant, severity }) => {
      for (const [proposed, active] of [
        [object, precipitant],
        [precipitant, object],
      ] as const) {
        const [warning] = checker.check({ proposed: [proposed], active: [active] }).warnings;
        expect(warning?.oncGroup).toBe(group);
        expect(warning?.severity).toBe(severity);
      }
    },
  );

  it.each<[proposed: string, active: string, expected: `${Severity}:${string}`]>([
    ['ibuprofen', 'warfarin', 'major:anticoagulant-nsaid'],
    ['isosorbide mononitrate', 'Viagra', 'contraindicated:pde5-inhibitor-nitrate'],
    [
      'gemfibrozil',
      'simvastatin',
      'contraindicated:simvastatin-lovastatin-gemfibrozil-cyclosporine',
    ],
    ['Bactrim', 'methotrexate', 'major:methotrexate-cotrimoxazole'],
    ['naproxen', 'lithium', 'major:lithium-nsaid'],
    ['hydrochlorothiazide', 'lithium', 'major:lithium-thiazide'],
    ['amiodarone', 'Lanoxin', 'major:digoxin-amiodarone'],
    ['omeprazole', 'Plavix', 'major:clopidogrel-omeprazole-esomeprazole'],
    ['Xanax', 'OxyContin', 'major:opioid-benzodiazepine'],
    ['spironolactone', 'lisinopril', 'major:raas-potassium-sparing-diuretic'],
    ['tramadol', 'sertraline', 'moderate:serotonergic-combination'],
    ['linezolid', 'Zoloft', 'major:linezolid-methylene-blue-serotonergic'],
    ['Entresto', 'enalapril', 'contraindicated:ace-inhibitor-sacubitril'],
    ['clarithromycin', 'ticagrelor', 'contraindicated:ticagrelor-strong-cyp3a4-inhibitors'],
    ['verapamil', 'metoprolol', 'major:beta-blocker-rate-limiting-ccb'],
    ['ciprofloxacin', 'calcium carbonate', 'moderate:quinolone-tetracycline-polyvalent-cations'],
  ])('%s proposed with %s active: %s', (proposed, active, expected) => {
    const [severity, id] = expected.split(':');
    const [warning] = checker.check({ proposed: [proposed], active: [active] }).warnings;
    expect(warning?.severity).toBe(severity);
    expect([warning?.interactionId, ...(warning?.alsoMatched ?? [])]).toContain(id);
  });

  it('escalates NSAID + ACE inhibitor to the triple whammy when a diuretic is also taken', () => {
    const pair = checker.check({ proposed: ['ibuprofen'], active: ['lisinopril'] }).warnings;
    expect(pair[0]?.severity).toBe('moderate');
    const triple = checker.check({
      proposed: ['ibuprofen'],
      active: ['lisinopril', 'furosemide'],
    }).warnings;
    expect(triple[0]).toMatchObject({ interactionId: 'triple-whammy', severity: 'major' });
    expect(triple[0]?.context?.name).toBe('furosemide');
  });

  it.each([
    ['amoxicillin', 'metformin'],
    ['atorvastatin', 'lisinopril'],
    ['cetirizine', 'omeprazole'],
    ['acetaminophen', 'sertraline'],
    ['amlodipine', 'levothyroxine'],
    ['nitrofurantoin', 'metformin'],
  ])('does not warn for %s with %s', (proposed, active) => {
    const result = checker.check({ proposed: [proposed], active: [active] });
    expect(result.warnings).toEqual([]);
    expect(result.unresolved).toEqual([]);
  });

  it('resolves brand names to their ingredients', () => {
    for (const [brand, ingredient] of [
      ['Zocor', 'simvastatin'],
      ['Synthroid', 'levothyroxine'],
      ['Lipitor', 'atorvastatin'],
      ['Coumadin', 'warfarin'],
    ]) {
      expect(kb.drugByName(brand ?? '')?.name).toBe(ingredient);
    }
  });

  it("resolves Synthea's RxCUIs, including codes missing from the RxNorm file", () => {
    expect(kb.drugByRxcui('316672')?.name).toBe('simvastatin');
    expect(kb.drugByRxcui('314076')?.name).toBe('lisinopril');
    expect(kb.drugByRxcui('1736854')?.name).toBe('cisplatin');
    const percocet = checker.check({ proposed: ['1049221'], active: ['lorazepam'] });
    expect(percocet.warnings[0]?.drugs[0].name).toBe('oxycodone');
  });

  it('holds at least 300 drugs, each with an RxNorm ingredient code and a typical dose', () => {
    expect(kb.drugs.length).toBeGreaterThanOrEqual(300);
    expect(kb.drugs.filter((d) => !d.typicalDose)).toEqual([]);
  });
});
