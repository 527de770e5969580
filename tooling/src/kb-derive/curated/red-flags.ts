/** Red-flag findings and combinations that escalate urgency, with the advice and the guideline behind each. */
import type { CuratedRedFlag } from './types.js';

export const RED_FLAGS: CuratedRedFlag[] = [
  {
    id: 'chest-pain-with-diaphoresis',
    allFindings: ['chest-pain', 'diaphoresis'],
    escalateTo: 'emergency',
    consider: ['acute-coronary-syndrome', 'aortic-dissection', 'pulmonary-embolism'],
    advice:
      'Consider acute coronary syndrome: 12-lead ECG now and emergency transfer if pain is ongoing or recent.',
    sources: ['nice-cg95', 'aha-acc-chest-pain-2021'],
  },
  {
    id: 'crushing-chest-pain',
    allFindings: ['crushing-chest-pain'],
    escalateTo: 'emergency',
    consider: ['acute-coronary-syndrome'],
    advice:
      'Pressure-like chest pain: consider acute coronary syndrome; ECG and same-day emergency assessment.',
    sources: ['nice-cg95', 'aha-acc-chest-pain-2021'],
  },
  {
    id: 'chest-pain-radiating-arm-jaw',
    allFindings: ['chest-pain-radiating-arm-jaw'],
    escalateTo: 'emergency',
    consider: ['acute-coronary-syndrome'],
    advice:
      'Chest pain radiating to arm or jaw: consider acute coronary syndrome; ECG and emergency assessment.',
    sources: ['nice-cg95', 'aha-acc-chest-pain-2021'],
  },
  {
    id: 'st-elevation',
    allFindings: ['ecg-st-elevation'],
    escalateTo: 'emergency',
    consider: ['acute-coronary-syndrome', 'pericarditis'],
    advice: 'ST elevation: consider STEMI; activate the local primary PCI pathway without delay.',
    sources: ['aha-acc-chest-pain-2021'],
  },
  {
    id: 'tearing-chest-pain',
    allFindings: ['tearing-chest-pain'],
    escalateTo: 'emergency',
    consider: ['aortic-dissection', 'acute-coronary-syndrome'],
    advice:
      'Tearing pain radiating to the back: consider aortic dissection; emergency transfer, compare arm blood pressures.',
    sources: ['aha-acc-chest-pain-2021', 'jama-rce'],
  },
  {
    id: 'meningism-with-fever-headache',
    allFindings: ['headache', 'fever', 'neck-stiffness'],
    escalateTo: 'emergency',
    consider: ['bacterial-meningitis', 'subarachnoid-haemorrhage'],
    advice:
      'Headache, fever and neck stiffness: consider meningitis; emergency transfer, and give parenteral antibiotics first if transfer is delayed or meningococcal disease is suspected.',
    sources: ['nice-ng240'],
  },
  {
    id: 'fever-with-non-blanching-rash',
    allFindings: ['fever', 'non-blanching-rash'],
    escalateTo: 'emergency',
    consider: ['bacterial-meningitis', 'sepsis'],
    advice:
      'Fever with a non-blanching rash: consider meningococcal disease; give benzylpenicillin and arrange emergency transfer.',
    sources: ['nice-ng240', 'nice-ng143'],
  },
  {
    id: 'thunderclap-headache',
    allFindings: ['thunderclap-headache'],
    escalateTo: 'emergency',
    consider: ['subarachnoid-haemorrhage'],
    advice:
      'Sudden severe headache peaking within minutes: consider subarachnoid haemorrhage; same-day emergency referral for CT.',
    sources: ['nice-cg150'],
  },
  {
    id: 'acute-focal-neurology',
    allFindings: ['unilateral-weakness'],
    escalateTo: 'emergency',
    consider: ['ischaemic-stroke', 'transient-ischaemic-attack'],
    advice:
      'New focal weakness: consider stroke (FAST positive); emergency transfer to a hyperacute stroke unit.',
    sources: ['nice-ng128', 'aha-stroke-2019'],
  },
  {
    id: 'facial-droop-with-speech-disturbance',
    allFindings: ['facial-droop', 'speech-disturbance'],
    escalateTo: 'emergency',
    consider: ['ischaemic-stroke', 'transient-ischaemic-attack'],
    advice: 'Facial weakness with speech disturbance: consider stroke; emergency transfer.',
    sources: ['nice-ng128'],
  },
  {
    id: 'cauda-equina-features',
    allFindings: ['low-back-pain', 'saddle-anaesthesia'],
    escalateTo: 'emergency',
    consider: ['cauda-equina-syndrome'],
    advice:
      'Back pain with saddle anaesthesia: consider cauda equina syndrome; emergency MRI and spinal surgical referral.',
    sources: ['nice-ng59', 'nice-cks'],
  },
  {
    id: 'back-pain-with-urinary-retention',
    allFindings: ['low-back-pain', 'urinary-retention'],
    escalateTo: 'emergency',
    consider: ['cauda-equina-syndrome'],
    advice: 'Back pain with new urinary retention: consider cauda equina syndrome; emergency MRI.',
    sources: ['nice-ng59'],
  },
  {
    id: 'back-pain-with-cancer-history',
    allFindings: ['low-back-pain', 'active-cancer'],
    escalateTo: 'urgent',
    consider: ['spinal-malignancy-or-infection'],
    advice:
      'Back pain with a history of cancer: consider spinal metastases; urgent MRI (within a week, or immediately with neurological symptoms).',
    sources: ['nice-ng59', 'nice-ng12'],
  },
  {
    id: 'leg-swelling-with-dyspnoea',
    allFindings: ['unilateral-leg-swelling', 'dyspnoea'],
    escalateTo: 'emergency',
    consider: ['pulmonary-embolism', 'deep-vein-thrombosis'],
    advice:
      'Unilateral leg swelling with breathlessness: consider pulmonary embolism; apply the two-level Wells score and arrange same-day assessment.',
    sources: ['nice-ng158', 'esc-pe-2019'],
  },
  {
    id: 'pleuritic-pain-with-hypoxia',
    allFindings: ['pleuritic-chest-pain', 'hypoxia'],
    escalateTo: 'emergency',
    consider: ['pulmonary-embolism', 'pneumothorax', 'community-acquired-pneumonia'],
    advice:
      'Pleuritic chest pain with low oxygen saturation: consider pulmonary embolism or pneumothorax; emergency assessment.',
    sources: ['nice-ng158', 'rcp-news2'],
  },
  {
    id: 'unilateral-leg-swelling',
    allFindings: ['unilateral-leg-swelling'],
    escalateTo: 'urgent',
    consider: ['deep-vein-thrombosis', 'cellulitis'],
    advice:
      'Unilateral leg swelling: consider DVT; two-level DVT Wells score, proximal leg ultrasound within 4 hours or D-dimer with interim anticoagulation.',
    sources: ['nice-ng158'],
  },
  {
    id: 'sepsis-hypotension',
    allFindings: ['fever', 'hypotension'],
    escalateTo: 'emergency',
    consider: ['sepsis'],
    advice:
      'Fever with systolic BP under 90: high-risk criteria for sepsis; emergency transfer and early antibiotics.',
    sources: ['nice-ng51'],
  },
  {
    id: 'sepsis-confusion-tachypnoea',
    allFindings: ['fever', 'confusion', 'tachypnoea'],
    escalateTo: 'emergency',
    consider: ['sepsis', 'community-acquired-pneumonia', 'bacterial-meningitis'],
    advice:
      'Fever with new confusion and raised respiratory rate: consider sepsis; assess against NICE NG51 high-risk criteria.',
    sources: ['nice-ng51', 'rcp-news2'],
  },
  {
    id: 'mottled-skin',
    allFindings: ['mottled-skin'],
    escalateTo: 'emergency',
    consider: ['sepsis'],
    advice: 'Mottled or ashen skin: a high-risk sepsis criterion; emergency assessment.',
    sources: ['nice-ng51'],
  },
  {
    id: 'hypoxia',
    allFindings: ['hypoxia'],
    escalateTo: 'urgent',
    consider: [
      'community-acquired-pneumonia',
      'pulmonary-embolism',
      'acute-heart-failure',
      'copd-exacerbation',
      'asthma-exacerbation',
    ],
    advice:
      'Oxygen saturation below 94%: urgent assessment; below 92% (or 88% in known COPD with hypercapnia) needs hospital referral.',
    sources: ['rcp-news2', 'nice-ng138'],
  },
  {
    id: 'severe-asthma-features',
    allFindings: ['wheeze', 'unable-to-complete-sentences'],
    escalateTo: 'emergency',
    consider: ['asthma-exacerbation', 'anaphylaxis'],
    advice:
      'Unable to complete sentences: acute severe asthma; start nebulised bronchodilator and arrange emergency transfer.',
    sources: ['gina-2023', 'nice-cks'],
  },
  {
    id: 'stridor',
    allFindings: ['stridor'],
    escalateTo: 'emergency',
    consider: ['croup', 'anaphylaxis', 'peritonsillar-abscess'],
    advice:
      'Stridor: upper airway obstruction until proven otherwise; do not examine the throat, arrange emergency transfer if at rest.',
    sources: ['nice-cks'],
  },
  {
    id: 'airway-swelling',
    allFindings: ['lip-tongue-swelling'],
    escalateTo: 'emergency',
    consider: ['anaphylaxis', 'urticaria'],
    advice:
      'Lip, tongue or throat swelling: consider anaphylaxis; intramuscular adrenaline if airway, breathing or circulation is compromised.',
    sources: ['nice-cg134'],
  },
  {
    id: 'haematemesis-or-melaena',
    allFindings: ['melaena'],
    escalateTo: 'emergency',
    consider: ['upper-gi-bleed', 'peptic-ulcer-disease'],
    advice:
      'Melaena: consider upper GI bleeding; assess haemodynamics and arrange emergency admission.',
    sources: ['nice-cks'],
  },
  {
    id: 'haematemesis',
    allFindings: ['haematemesis'],
    escalateTo: 'emergency',
    consider: ['upper-gi-bleed'],
    advice:
      'Haematemesis: consider upper GI bleeding; emergency admission for risk scoring and endoscopy.',
    sources: ['nice-cks'],
  },
  {
    id: 'peritonism',
    allFindings: ['abdominal-pain', 'peritonism'],
    escalateTo: 'emergency',
    consider: [
      'acute-appendicitis',
      'acute-cholecystitis',
      'diverticulitis',
      'small-bowel-obstruction',
      'ectopic-pregnancy',
    ],
    advice: 'Abdominal pain with peritonism: surgical emergency; same-day surgical assessment.',
    sources: ['jama-rce', 'nice-cks'],
  },
  {
    id: 'pregnancy-with-pelvic-pain',
    allFindings: ['positive-pregnancy-test', 'pelvic-pain'],
    escalateTo: 'emergency',
    consider: ['ectopic-pregnancy', 'miscarriage'],
    advice:
      'Pelvic pain with a positive pregnancy test: consider ectopic pregnancy; refer immediately to an early pregnancy or gynaecology service.',
    sources: ['nice-ng126'],
  },
  {
    id: 'pregnancy-hypertension-headache',
    allFindings: ['currently-pregnant', 'elevated-blood-pressure', 'headache'],
    escalateTo: 'emergency',
    consider: ['pre-eclampsia'],
    advice:
      'Raised blood pressure with headache in pregnancy: consider pre-eclampsia; same-day obstetric assessment.',
    sources: ['nice-ng133'],
  },
  {
    id: 'testicular-pain-young',
    allFindings: ['testicular-pain'],
    maxAge: 25,
    escalateTo: 'emergency',
    consider: ['testicular-torsion', 'epididymo-orchitis'],
    advice:
      'Acute testicular pain in a young man: consider torsion; immediate urology referral, do not delay for tests.',
    sources: ['nice-cks'],
  },
  {
    id: 'sudden-visual-loss',
    allFindings: ['sudden-visual-loss'],
    escalateTo: 'emergency',
    consider: [
      'retinal-detachment',
      'giant-cell-arteritis',
      'transient-ischaemic-attack',
      'acute-angle-closure-glaucoma',
    ],
    advice:
      'Sudden visual loss: same-day ophthalmology; check ESR/CRP and consider giant cell arteritis in people over 50.',
    sources: ['aao-ppp', 'eular-acr-pmr-2015'],
  },
  {
    id: 'red-painful-eye-blurred',
    allFindings: ['red-eye', 'eye-pain', 'blurred-vision'],
    escalateTo: 'urgent',
    consider: ['acute-angle-closure-glaucoma', 'anterior-uveitis', 'corneal-abrasion'],
    advice:
      'Painful red eye with reduced vision: not simple conjunctivitis; same-day ophthalmology assessment.',
    sources: ['aao-ppp', 'nice-cks'],
  },
  {
    id: 'headache-jaw-claudication-older',
    allFindings: ['headache', 'jaw-claudication'],
    minAge: 50,
    escalateTo: 'emergency',
    consider: ['giant-cell-arteritis'],
    advice:
      'New headache with jaw claudication over 50: consider giant cell arteritis; ESR/CRP, start high-dose glucocorticoid and refer same day.',
    sources: ['eular-acr-pmr-2015', 'nice-cks'],
  },
  {
    id: 'hot-swollen-joint',
    allFindings: ['hot-swollen-joint'],
    escalateTo: 'urgent',
    consider: ['septic-arthritis', 'gout'],
    advice:
      'Acutely hot swollen joint: consider septic arthritis until excluded; same-day assessment and joint aspiration before antibiotics.',
    sources: ['nice-cks', 'jama-rce'],
  },
  {
    id: 'suicidal-ideation',
    allFindings: ['suicidal-ideation'],
    escalateTo: 'urgent',
    consider: ['depression', 'bipolar-disorder', 'psychosis'],
    advice:
      'Suicidal thoughts: assess intent, plans and protective factors; same-day mental health crisis referral if risk is high.',
    sources: ['nice-ng222'],
  },
  {
    id: 'rectal-bleeding-weight-loss-over-50',
    allFindings: ['rectal-bleeding', 'unintentional-weight-loss'],
    minAge: 50,
    escalateTo: 'urgent',
    consider: ['colorectal-cancer'],
    advice:
      'Rectal bleeding with weight loss at 50 or over: consider colorectal cancer; suspected-cancer pathway referral (FIT first where local pathway requires).',
    sources: ['nice-ng12'],
  },
  {
    id: 'rectal-bleeding-abdominal-pain-over-50',
    allFindings: ['rectal-bleeding', 'abdominal-pain'],
    minAge: 50,
    escalateTo: 'urgent',
    consider: ['colorectal-cancer'],
    advice:
      'Rectal bleeding with unexplained abdominal pain at 50 or over: suspected-cancer pathway referral for colorectal cancer.',
    sources: ['nice-ng12'],
  },
  {
    id: 'change-in-bowel-habit-over-60',
    allFindings: ['change-in-bowel-habit'],
    minAge: 60,
    escalateTo: 'soon',
    consider: ['colorectal-cancer'],
    advice:
      'Changed bowel habit at 60 or over: offer FIT and refer on the suspected-cancer pathway if positive.',
    sources: ['nice-ng12'],
  },
  {
    id: 'iron-deficiency-anaemia-over-60',
    allFindings: ['low-haemoglobin', 'low-ferritin'],
    minAge: 60,
    escalateTo: 'urgent',
    consider: ['colorectal-cancer', 'oesophagogastric-cancer'],
    advice:
      'Iron-deficiency anaemia at 60 or over: suspected-cancer pathway referral for colorectal cancer.',
    sources: ['nice-ng12'],
  },
  {
    id: 'haemoptysis-over-40',
    allFindings: ['haemoptysis'],
    minAge: 40,
    escalateTo: 'urgent',
    consider: ['lung-cancer', 'pulmonary-tuberculosis', 'pulmonary-embolism'],
    advice:
      'Unexplained haemoptysis at 40 or over: suspected-cancer pathway referral for lung cancer.',
    sources: ['nice-ng12'],
  },
  {
    id: 'dysphagia',
    allFindings: ['dysphagia'],
    escalateTo: 'urgent',
    consider: ['oesophagogastric-cancer'],
    advice:
      'Dysphagia: suspected-cancer pathway referral for urgent direct-access upper GI endoscopy.',
    sources: ['nice-ng12'],
  },
  {
    id: 'visible-haematuria-over-45',
    allFindings: ['haematuria'],
    minAge: 45,
    escalateTo: 'urgent',
    consider: ['bladder-cancer', 'kidney-stones'],
    advice:
      'Unexplained visible haematuria at 45 or over (without UTI, or persisting after treatment): suspected-cancer pathway referral.',
    sources: ['nice-ng12'],
  },
  {
    id: 'breast-lump-over-30',
    allFindings: ['breast-lump'],
    minAge: 30,
    escalateTo: 'urgent',
    consider: ['breast-cancer'],
    advice: 'Unexplained breast lump at 30 or over: suspected-cancer pathway referral.',
    sources: ['nice-ng12'],
  },
  {
    id: 'postmenopausal-bleeding',
    allFindings: ['postmenopausal-bleeding'],
    minAge: 55,
    escalateTo: 'urgent',
    consider: [],
    advice:
      'Postmenopausal bleeding at 55 or over: suspected-cancer pathway referral for endometrial cancer.',
    sources: ['nice-ng12'],
  },
  {
    id: 'jaundice',
    allFindings: ['jaundice'],
    escalateTo: 'urgent',
    consider: [
      'acute-viral-hepatitis',
      'pancreatic-cancer',
      'acute-cholecystitis',
      'alcoholic-liver-disease',
    ],
    advice:
      'New jaundice: same-day bloods (LFTs, FBC, clotting); painless obstructive jaundice at 40 or over needs a suspected-cancer referral for pancreatic cancer.',
    sources: ['nice-ng12', 'nice-cks'],
  },
  {
    id: 'hypoglycaemia-reduced-consciousness',
    allFindings: ['low-blood-glucose', 'reduced-consciousness'],
    escalateTo: 'emergency',
    consider: ['hypoglycaemia'],
    advice:
      'Hypoglycaemia with reduced consciousness: give glucagon or IV glucose and call emergency services.',
    sources: ['ada-soc-2023'],
  },
  {
    id: 'hyperglycaemia-with-ketones',
    allFindings: ['hyperglycaemia', 'ketonuria'],
    escalateTo: 'emergency',
    consider: ['diabetic-ketoacidosis'],
    advice:
      'High glucose with ketones: consider diabetic ketoacidosis; same-day emergency admission.',
    sources: ['ada-soc-2023'],
  },
  {
    id: 'head-injury-with-amnesia',
    allFindings: ['head-injury', 'post-injury-amnesia'],
    escalateTo: 'urgent',
    consider: ['concussion'],
    advice:
      'Head injury with amnesia or loss of consciousness: refer for emergency assessment and consider CT head per NICE NG232 criteria.',
    sources: ['nice-ng232'],
  },
  {
    id: 'severe-hypertension',
    allFindings: ['severely-elevated-blood-pressure'],
    escalateTo: 'urgent',
    consider: ['hypertensive-urgency', 'pre-eclampsia'],
    advice:
      'Blood pressure 180/120 or more: check for symptoms and signs of target-organ damage (papilloedema, chest pain, confusion, AKI); same-day specialist referral if present.',
    sources: ['nice-ng136'],
  },
  {
    id: 'syncope-on-exertion',
    allFindings: ['exertional-syncope'],
    escalateTo: 'urgent',
    consider: ['aortic-stenosis', 'supraventricular-tachycardia'],
    advice:
      'Syncope during exertion: consider a cardiac cause; ECG and specialist cardiovascular assessment within 24 hours.',
    sources: ['nice-cks'],
  },
  {
    id: 'reduced-consciousness',
    allFindings: ['reduced-consciousness'],
    escalateTo: 'emergency',
    consider: ['sepsis', 'ischaemic-stroke', 'hypoglycaemia', 'bacterial-meningitis'],
    advice:
      'Reduced level of consciousness: emergency assessment (check glucose, airway and NEWS2).',
    sources: ['rcp-news2'],
  },
];
