/**
 * Drug classes: pharmacological groups (WHO ATC) and interaction-relevant properties (CYP/P-gp
 * inhibition and induction per the FDA table, QT risk per CredibleMeds, serotonergic, anticholinergic).
 * Columns: id | display | sources.
 */
export const DRUG_CLASS_TABLE = `
# Cardiovascular
ace-inhibitor | ACE inhibitor | who-atc
arb | Angiotensin II receptor blocker | who-atc
arni | Angiotensin receptor–neprilysin inhibitor (neprilysin component) | who-atc
direct-renin-inhibitor | Direct renin inhibitor | who-atc
thiazide-diuretic | Thiazide or thiazide-like diuretic | who-atc
loop-diuretic | Loop diuretic | who-atc
potassium-sparing-diuretic | Potassium-sparing diuretic | who-atc
mineralocorticoid-antagonist | Mineralocorticoid receptor antagonist | who-atc
beta-blocker | Beta-adrenoceptor blocker | who-atc
nonselective-beta-blocker | Non-selective beta-blocker (beta-2 blockade) | who-atc
dhp-calcium-channel-blocker | Dihydropyridine calcium-channel blocker | who-atc
non-dhp-calcium-channel-blocker | Non-dihydropyridine calcium-channel blocker (rate-limiting) | who-atc
alpha-blocker | Alpha-1 adrenoceptor blocker | who-atc
central-alpha-agonist | Centrally acting alpha-2 agonist | who-atc
vasodilator | Direct vasodilator | who-atc
nitrate | Organic nitrate | who-atc
antianginal | Other antianginal | who-atc
pde5-inhibitor | Phosphodiesterase-5 inhibitor | who-atc
sgc-stimulator | Soluble guanylate cyclase stimulator | who-atc
cardiac-glycoside | Cardiac glycoside | who-atc
antiarrhythmic | Antiarrhythmic | who-atc
statin | HMG-CoA reductase inhibitor (statin) | who-atc
fibrate | Fibrate | who-atc
bile-acid-sequestrant | Bile acid sequestrant | who-atc
lipid-lowering-other | Other lipid-modifying agent | who-atc
anticoagulant | Anticoagulant | who-atc
vitamin-k-antagonist | Vitamin K antagonist | who-atc
doac | Direct oral anticoagulant | who-atc
parenteral-anticoagulant | Heparin or low-molecular-weight heparin | who-atc
antiplatelet | Antiplatelet agent | who-atc
p2y12-inhibitor | P2Y12 inhibitor | who-atc
thrombolytic | Thrombolytic | who-atc
endothelin-receptor-antagonist | Endothelin receptor antagonist | who-atc
sympathomimetic | Sympathomimetic (vasopressor) | who-atc
# Renal, electrolytes, vitamins
potassium-supplement | Potassium supplement | who-atc
electrolyte | Electrolyte replacement | who-atc
polyvalent-cation | Polyvalent cation (Ca, Mg, Al, Fe, Zn): chelates co-administered drugs | fda-dailymed bnf-interactions
iron-supplement | Iron supplement | who-atc
calcium-supplement | Calcium supplement | who-atc
vitamin | Vitamin | who-atc
vitamin-d | Vitamin D or analogue | who-atc
erythropoiesis-stimulating-agent | Erythropoiesis-stimulating agent | who-atc
# Respiratory and allergy
saba | Short-acting beta-2 agonist | who-atc
laba | Long-acting beta-2 agonist | who-atc
inhaled-antimuscarinic | Inhaled antimuscarinic bronchodilator | who-atc
inhaled-corticosteroid | Inhaled or intranasal corticosteroid | who-atc
leukotriene-antagonist | Leukotriene modifier | who-atc
methylxanthine | Methylxanthine | who-atc
pde4-inhibitor | Phosphodiesterase-4 inhibitor | who-atc
mast-cell-stabilizer | Mast cell stabiliser | who-atc
antitussive | Antitussive | who-atc
expectorant | Expectorant | who-atc
decongestant | Sympathomimetic decongestant | who-atc
antihistamine | H1 antihistamine | who-atc
sedating-antihistamine | First-generation (sedating) H1 antihistamine | who-atc ags-beers-2023
# Gastrointestinal
ppi | Proton pump inhibitor | who-atc
h2-antagonist | H2-receptor antagonist | who-atc
antacid | Antacid | who-atc
mucosal-protectant | Mucosal protectant | who-atc
prostaglandin | Prostaglandin analogue | who-atc
antiemetic | Antiemetic | who-atc
prokinetic | Prokinetic | who-atc
dopamine-antagonist | Dopamine D2 antagonist | who-atc
laxative | Laxative | who-atc
antidiarrheal | Antidiarrhoeal | who-atc
aminosalicylate | Aminosalicylate | who-atc
antispasmodic | Antispasmodic (anticholinergic) | who-atc
antiflatulent | Antiflatulent | who-atc
bile-acid | Bile acid | who-atc
anti-obesity | Anti-obesity agent | who-atc
# Endocrine and metabolic
biguanide | Biguanide | who-atc
sulfonylurea | Sulfonylurea | who-atc
meglitinide | Meglitinide | who-atc
dpp4-inhibitor | DPP-4 inhibitor | who-atc
sglt2-inhibitor | SGLT2 inhibitor | who-atc
glp1-agonist | GLP-1 receptor agonist | who-atc
thiazolidinedione | Thiazolidinedione | who-atc
alpha-glucosidase-inhibitor | Alpha-glucosidase inhibitor | who-atc
insulin | Insulin | who-atc
thyroid-hormone | Thyroid hormone | who-atc
antithyroid | Antithyroid agent | who-atc
systemic-corticosteroid | Systemic corticosteroid | who-atc
bisphosphonate | Bisphosphonate | who-atc
serm | Selective estrogen receptor modulator | who-atc
aromatase-inhibitor | Aromatase inhibitor | who-atc
estrogen | Estrogen | who-atc
progestin | Progestogen | who-atc
hormonal-contraceptive | Hormonal contraceptive | who-atc
androgen | Androgen | who-atc
5-alpha-reductase-inhibitor | 5-alpha-reductase inhibitor | who-atc
dopamine-agonist | Dopamine agonist | who-atc
vasopressin-analogue | Vasopressin analogue | who-atc
gnrh-agonist | GnRH agonist | who-atc
urinary-antimuscarinic | Urinary antimuscarinic | who-atc
beta3-agonist | Beta-3 agonist | who-atc
urinary-analgesic | Urinary analgesic | who-atc
xanthine-oxidase-inhibitor | Xanthine oxidase inhibitor | who-atc
uricosuric | Uricosuric | who-atc
antigout | Antigout (colchicine) | who-atc
# Nervous system
ssri | Selective serotonin reuptake inhibitor | who-atc
snri | Serotonin–noradrenaline reuptake inhibitor | who-atc
tca | Tricyclic antidepressant | who-atc
maoi | Monoamine oxidase inhibitor | who-atc
other-antidepressant | Other antidepressant | who-atc
anxiolytic | Anxiolytic (non-benzodiazepine) | who-atc
mood-stabilizer | Mood stabiliser | who-atc
antipsychotic | Antipsychotic | who-atc
antiepileptic | Antiepileptic | who-atc
gabapentinoid | Gabapentinoid | who-atc fda-dsc-gabapentinoids-2019
benzodiazepine | Benzodiazepine | who-atc
z-drug | Non-benzodiazepine hypnotic (Z-drug) | who-atc
barbiturate | Barbiturate | who-atc
orexin-antagonist | Orexin receptor antagonist | who-atc
melatonin-agonist | Melatonin receptor agonist | who-atc
muscle-relaxant | Skeletal muscle relaxant | who-atc
cns-stimulant | CNS stimulant / amphetamine derivative | who-atc onc-phansalkar-2012
adhd-nonstimulant | Non-stimulant ADHD treatment (noradrenaline reuptake inhibitor) | who-atc
wakefulness-promoting | Wakefulness-promoting agent | who-atc
cholinesterase-inhibitor | Cholinesterase inhibitor | who-atc
nmda-antagonist | NMDA receptor antagonist | who-atc
antiparkinson | Antiparkinson agent | who-atc
triptan | Triptan (5-HT1B/1D agonist) | who-atc
ergot-alkaloid | Ergot alkaloid | who-atc onc-phansalkar-2012
smoking-cessation | Smoking cessation aid | who-atc
alcohol-deterrent | Alcohol dependence treatment | who-atc
opioid | Opioid analgesic | who-atc
opioid-antagonist | Opioid antagonist | who-atc
analgesic-nonopioid | Non-opioid analgesic | who-atc
nsaid | Non-steroidal anti-inflammatory drug | who-atc
cox2-selective-nsaid | COX-2 selective NSAID | who-atc
salicylate | Salicylate | who-atc
general-anesthetic | General anaesthetic | who-atc
local-anesthetic | Local anaesthetic | who-atc
neuromuscular-blocker | Neuromuscular blocker | who-atc
# Immunology and oncology
dmard | Disease-modifying antirheumatic drug | who-atc
thiopurine | Thiopurine | who-atc
calcineurin-inhibitor | Calcineurin inhibitor | who-atc
mtor-inhibitor | mTOR inhibitor | who-atc
jak-inhibitor | JAK inhibitor | who-atc
immunosuppressant | Immunosuppressant | who-atc
antineoplastic | Antineoplastic | who-atc
folate-analogue | Folinic acid (rescue) | who-atc
retinoid | Systemic retinoid | who-atc
# Anti-infectives
penicillin | Penicillin | who-atc
beta-lactamase-inhibitor | Beta-lactamase inhibitor | who-atc
cephalosporin | Cephalosporin | who-atc
macrolide | Macrolide | who-atc
fluoroquinolone | Fluoroquinolone | who-atc
tetracycline | Tetracycline | who-atc
sulfonamide-antibiotic | Sulfonamide antibacterial | who-atc
antifolate-antibiotic | Trimethoprim | who-atc
urinary-antiseptic | Urinary antiseptic | who-atc
nitroimidazole | Nitroimidazole | who-atc
lincosamide | Lincosamide | who-atc
glycopeptide | Glycopeptide | who-atc
oxazolidinone | Oxazolidinone | who-atc
aminoglycoside | Aminoglycoside | who-atc
rifamycin | Rifamycin | who-atc
antimycobacterial | Antimycobacterial | who-atc
azole-antifungal | Azole antifungal | who-atc
antifungal-other | Other antifungal | who-atc
antiviral-herpes | Antiherpes antiviral | who-atc
neuraminidase-inhibitor | Neuraminidase inhibitor | who-atc
hiv-protease-inhibitor | HIV protease inhibitor | who-atc onc-phansalkar-2012
pharmacokinetic-enhancer | Pharmacokinetic enhancer (booster) | who-atc
nnrti | Non-nucleoside reverse transcriptase inhibitor | who-atc
nrti | Nucleos(t)ide reverse transcriptase inhibitor | who-atc
integrase-inhibitor | Integrase inhibitor | who-atc
hcv-antiviral | Hepatitis C direct-acting antiviral | who-atc
antimalarial | Antimalarial | who-atc
anthelmintic | Anthelmintic | who-atc
# Other
herbal | Herbal product | fda-dailymed
diagnostic-dye | Diagnostic dye / antidote | who-atc
# Interaction-relevant properties
qt-prolonging | Known risk of torsades de pointes (QT prolongation) | crediblemeds-qt onc-phansalkar-2012
serotonergic | Serotonergic (serotonin syndrome risk in combination) | boyer-shannon-2005 fda-dsc-serotonergic-2011
anticholinergic | Strong anticholinergic | ags-beers-2023
cyp3a4-strong-inhibitor | Strong CYP3A4 inhibitor | fda-ddi-table flockhart-cyp
cyp3a4-moderate-inhibitor | Moderate CYP3A4 inhibitor | fda-ddi-table flockhart-cyp
cyp3a4-strong-inducer | Strong CYP3A4 inducer | fda-ddi-table flockhart-cyp
cyp3a4-moderate-inducer | Moderate CYP3A4 inducer | fda-ddi-table flockhart-cyp
cyp2d6-strong-inhibitor | Strong CYP2D6 inhibitor | fda-ddi-table flockhart-cyp
cyp1a2-strong-inhibitor | Strong CYP1A2 inhibitor | fda-ddi-table flockhart-cyp
cyp2c9-inhibitor | Moderate or strong CYP2C9 inhibitor | fda-ddi-table flockhart-cyp
cyp2c19-inhibitor | Moderate or strong CYP2C19 inhibitor | fda-ddi-table flockhart-cyp
pgp-inhibitor | P-glycoprotein inhibitor | fda-ddi-table
`;
