/**
 * How chronic conditions and smoking change disease rates in the true world. The KB's own chronic →
 * acute risk factors act with odds ratios that deviate from the KB's (log-normal,
 * WORLD_PARAMS.riskFactorNoiseSd); the links below are real but absent from the KB, so only a model
 * that sees the problem list can use them.
 */

/** Smoking: odds ratios for current smokers (ex-smokers get the square root); US Surgeon General 2014. */
export const SMOKING_ODDS: Readonly<Record<string, number>> = {
  copd: 6,
  'lung-cancer': 12,
  'peripheral-arterial-disease': 3,
  'stable-angina': 2,
  'acute-coronary-syndrome': 2.5,
  'ischaemic-stroke': 2,
  'abdominal-aortic-aneurysm': 4,
  'bladder-cancer': 3,
  'oesophagogastric-cancer': 2,
  'pancreatic-cancer': 2,
  'cervical-cancer': 2,
  'community-acquired-pneumonia': 2,
  'acute-bronchitis': 1.6,
  'copd-exacerbation': 1.8,
  'peptic-ulcer-disease': 1.6,
  'rheumatoid-arthritis': 1.5,
  osteoporosis: 1.5,
};

export interface HiddenRiskFactor {
  /** The acute condition whose rate changes. */
  condition: string;
  /** A chronic condition (problem list) or a patient attribute finding. */
  riskFactor: string;
  oddsRatio: number;
  source: string;
}

export const HIDDEN_RISK_FACTORS: readonly HiddenRiskFactor[] = [
  { condition: 'acute-bronchitis', riskFactor: 'copd', oddsRatio: 3, source: 'GOLD 2023' },
  { condition: 'acute-bronchitis', riskFactor: 'asthma', oddsRatio: 1.8, source: 'GINA 2023' },
  { condition: 'asthma-exacerbation', riskFactor: 'obesity', oddsRatio: 1.5, source: 'GINA 2023' },
  {
    condition: 'asthma-exacerbation',
    riskFactor: 'allergic-rhinitis',
    oddsRatio: 1.6,
    source: 'GINA 2023',
  },
  {
    condition: 'copd-exacerbation',
    riskFactor: 'heart-failure',
    oddsRatio: 1.6,
    source: 'GOLD 2023',
  },
  {
    condition: 'oral-candidiasis',
    riskFactor: 'copd',
    oddsRatio: 1.6,
    source: 'GOLD 2023 (inhaled corticosteroids)',
  },
  {
    condition: 'functional-dyspepsia',
    riskFactor: 'generalised-anxiety-disorder',
    oddsRatio: 2.2,
    source: 'Aro P et al. Gastroenterology 2009;137:94-100',
  },
  {
    condition: 'functional-dyspepsia',
    riskFactor: 'irritable-bowel-syndrome',
    oddsRatio: 2.5,
    source: 'Drossman DA. Gastroenterology 2016;150:1262-79 (Rome IV overlap)',
  },
  {
    condition: 'constipation',
    riskFactor: 'irritable-bowel-syndrome',
    oddsRatio: 2.5,
    source: 'Drossman DA. Gastroenterology 2016;150:1262-79 (Rome IV)',
  },
  {
    condition: 'migraine',
    riskFactor: 'depression',
    oddsRatio: 1.8,
    source: 'Breslau N et al. Neurology 2003;60:1308-12',
  },
  {
    condition: 'migraine',
    riskFactor: 'generalised-anxiety-disorder',
    oddsRatio: 2,
    source: 'Breslau N et al. Neurology 2003;60:1308-12',
  },
  {
    condition: 'tension-type-headache',
    riskFactor: 'depression',
    oddsRatio: 1.8,
    source: 'NICE CKS Headache - tension-type',
  },
  {
    condition: 'tension-type-headache',
    riskFactor: 'generalised-anxiety-disorder',
    oddsRatio: 2,
    source: 'NICE CKS Headache - tension-type',
  },
  {
    condition: 'non-specific-low-back-pain',
    riskFactor: 'obesity',
    oddsRatio: 1.4,
    source: 'Shiri R et al. Am J Epidemiol 2010;171:135-54',
  },
  {
    condition: 'impetigo',
    riskFactor: 'atopic-eczema',
    oddsRatio: 2.5,
    source: 'Ong PY, Leung DYM. Clin Rev Allergy Immunol 2016;51:329-37',
  },
  {
    condition: 'contact-dermatitis',
    riskFactor: 'atopic-eczema',
    oddsRatio: 2,
    source: 'Ong PY, Leung DYM. Clin Rev Allergy Immunol 2016;51:329-37',
  },
  {
    condition: 'herpes-zoster',
    riskFactor: 'rheumatoid-arthritis',
    oddsRatio: 1.6,
    source: 'Marra F et al. Open Forum Infect Dis 2020;7:ofaa005',
  },
  {
    condition: 'herpes-zoster',
    riskFactor: 'type-2-diabetes',
    oddsRatio: 1.3,
    source: 'Marra F et al. Open Forum Infect Dis 2020;7:ofaa005',
  },
  {
    condition: 'ankle-fracture',
    riskFactor: 'alcohol-use-disorder',
    oddsRatio: 2,
    source: 'Taylor B et al. Drug Alcohol Depend 2010;110:108-16',
  },
  {
    condition: 'concussion',
    riskFactor: 'alcohol-use-disorder',
    oddsRatio: 2.5,
    source: 'Taylor B et al. Drug Alcohol Depend 2010;110:108-16',
  },
  {
    condition: 'urinary-tract-infection',
    riskFactor: 'urinary-incontinence',
    oddsRatio: 2,
    source: 'Raz R. Int J Antimicrob Agents 2001;17:269-71',
  },
  {
    condition: 'benign-paroxysmal-positional-vertigo',
    riskFactor: 'osteoporosis',
    oddsRatio: 1.8,
    source: 'Yu S et al. BMC Neurol 2014;14:110',
  },
  {
    condition: 'aphthous-ulcers',
    riskFactor: 'coeliac-disease',
    oddsRatio: 2.5,
    source: 'NICE CKS Aphthous ulcer',
  },
  {
    condition: 'aphthous-ulcers',
    riskFactor: 'inflammatory-bowel-disease',
    oddsRatio: 2.5,
    source: 'NICE CKS Aphthous ulcer',
  },
  {
    condition: 'acute-viral-hepatitis',
    riskFactor: 'hepatitis-b-risk',
    oddsRatio: 8,
    source: 'USPSTF hepatitis B screening 2020',
  },
];
