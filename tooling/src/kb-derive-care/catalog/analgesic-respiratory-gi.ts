/**
 * Curated drugs: analgesics, respiratory and allergy, gastrointestinal. Columns as in cardiovascular.ts.
 */
export const ANALGESIC_RESPIRATORY_GI_DRUGS = `
morphine | opioid | 5-15 mg orally every 4 hours as needed (immediate release)
oxycodone | opioid | 5-10 mg orally every 4-6 hours as needed
hydrocodone | opioid | 5-10 mg (with acetaminophen) orally every 4-6 hours as needed
hydromorphone | opioid | 2-4 mg orally every 4-6 hours as needed
oxymorphone | opioid | 5-10 mg orally every 4-6 hours as needed
codeine | opioid | 15-60 mg orally every 4-6 hours as needed (maximum 240 mg/day)
tramadol | opioid serotonergic | 50-100 mg orally every 4-6 hours as needed (maximum 400 mg/day)
tapentadol | opioid serotonergic | 50-100 mg orally every 4-6 hours as needed
fentanyl | opioid serotonergic | 12-100 micrograms/hour transdermal every 72 hours (opioid-tolerant patients only)
methadone | opioid serotonergic qt-prolonging | individualised (specialist); 2.5-10 mg orally every 8-12 hours for pain
meperidine | opioid serotonergic | 50-150 mg every 3-4 hours (not recommended; Beers: avoid)
buprenorphine | opioid | 8-24 mg sublingually daily (opioid use disorder); 5-20 micrograms/hour patch (pain)
levorphanol | opioid | 2-4 mg orally every 6-8 hours
pentazocine | opioid | 50-100 mg orally every 3-4 hours
remifentanil | opioid | 0.05-0.2 micrograms/kg/minute IV infusion (anaesthesia) | cui=73032; why=no-oral-solid
propoxyphene | opioid | withdrawn from the US market (2010)
acetaminophen | analgesic-nonopioid | 500-1000 mg orally every 4-6 hours (maximum 3-4 g/day)
ibuprofen | nsaid | 200-400 mg orally every 4-6 hours as needed (maximum 1200 mg/day without prescription)
naproxen | nsaid | 250-500 mg orally twice daily with food
diclofenac | nsaid | 50 mg orally two to three times daily
meloxicam | nsaid | 7.5-15 mg orally once daily
celecoxib | nsaid cox2-selective-nsaid | 100-200 mg orally once or twice daily
indomethacin | nsaid | 25-50 mg orally two to three times daily
ketorolac | nsaid | 10 mg orally every 4-6 hours (maximum 40 mg/day, 5 days in total)
etodolac | nsaid | 200-400 mg orally two to three times daily
nabumetone | nsaid | 1000-2000 mg orally daily
piroxicam | nsaid | 20 mg orally once daily
sulindac | nsaid | 150-200 mg orally twice daily
ketoprofen | nsaid | 50-75 mg orally three to four times daily
oxaprozin | nsaid | 600-1200 mg orally once daily
diflunisal | nsaid salicylate | 250-500 mg orally twice daily
salsalate | nsaid salicylate | 1500 mg orally twice daily
flurbiprofen | nsaid | 100 mg orally two to three times daily
mefenamic acid | nsaid | 500 mg then 250 mg orally every 6 hours (maximum 7 days) | rx=mefenamate
albuterol | saba | 90-180 micrograms (1-2 puffs) inhaled every 4-6 hours as needed
terbutaline | saba | 2.5-5 mg orally three times daily
salmeterol | laba | 50 micrograms inhaled twice daily (always with an inhaled corticosteroid in asthma) | cui=36117; why=no-oral-solid; brands=serevent
formoterol | laba | 12 micrograms inhaled twice daily | cui=25255; why=no-oral-solid; brands=foradil,perforomist
tiotropium | inhaled-antimuscarinic | 18 micrograms (capsule) or 2.5 micrograms x2 (soft mist) inhaled once daily | cui=69120; why=no-oral-solid; brands=spiriva
ipratropium | inhaled-antimuscarinic | 2 puffs (17 micrograms each) inhaled four times daily | cui=7213; why=no-oral-solid; brands=atrovent
fluticasone | inhaled-corticosteroid | 100-500 micrograms inhaled twice daily; 50-100 micrograms per nostril daily | cui=41126; why=no-oral-solid; brands=flovent,flonase
budesonide | inhaled-corticosteroid | 200-800 micrograms inhaled twice daily; 9 mg orally daily (Crohn's)
beclomethasone | inhaled-corticosteroid | 80-320 micrograms inhaled twice daily | cui=1347; why=no-oral-solid; brands=qvar
montelukast | leukotriene-antagonist | 10 mg orally once daily in the evening
zafirlukast | leukotriene-antagonist cyp2c9-inhibitor | 20 mg orally twice daily
zileuton | leukotriene-antagonist | 600 mg orally four times daily
theophylline | methylxanthine | 300-600 mg (extended release) orally daily, by serum level
aminophylline | methylxanthine | by serum level
roflumilast | pde4-inhibitor | 500 micrograms orally once daily
cromolyn | mast-cell-stabilizer | 2 puffs inhaled four times daily
benzonatate | antitussive | 100-200 mg orally three times daily as needed
guaifenesin | expectorant | 200-400 mg orally every 4 hours as needed
dextromethorphan | antitussive serotonergic | 10-20 mg orally every 4 hours or 30 mg every 6-8 hours as needed
pseudoephedrine | decongestant | 60 mg orally every 4-6 hours as needed (maximum 240 mg/day)
phenylephrine | decongestant sympathomimetic | 10 mg orally every 4 hours as needed
cetirizine | antihistamine | 10 mg orally once daily
levocetirizine | antihistamine | 5 mg orally once daily in the evening
loratadine | antihistamine | 10 mg orally once daily
desloratadine | antihistamine | 5 mg orally once daily
fexofenadine | antihistamine | 180 mg orally once daily
diphenhydramine | antihistamine sedating-antihistamine anticholinergic | 25-50 mg orally every 4-6 hours as needed
chlorpheniramine | antihistamine sedating-antihistamine anticholinergic | 4 mg orally every 4-6 hours as needed
hydroxyzine | antihistamine sedating-antihistamine anticholinergic | 25 mg orally three to four times daily as needed
promethazine | antihistamine sedating-antihistamine anticholinergic antiemetic | 12.5-25 mg orally every 4-6 hours as needed
doxylamine | antihistamine sedating-antihistamine anticholinergic | 25 mg orally at bedtime as needed
meclizine | antihistamine sedating-antihistamine anticholinergic antiemetic | 25-50 mg orally daily as needed
cyproheptadine | antihistamine sedating-antihistamine anticholinergic | 4 mg orally three times daily
astemizole | antihistamine qt-prolonging | withdrawn from the US market (1999)
terfenadine | antihistamine qt-prolonging | withdrawn from the US market (1998)
omeprazole | ppi cyp2c19-inhibitor | 20-40 mg orally once daily before breakfast
esomeprazole | ppi cyp2c19-inhibitor | 20-40 mg orally once daily before a meal
lansoprazole | ppi | 15-30 mg orally once daily before breakfast
pantoprazole | ppi | 40 mg orally once daily
rabeprazole | ppi | 20 mg orally once daily
dexlansoprazole | ppi | 30-60 mg orally once daily
famotidine | h2-antagonist | 20 mg orally twice daily or 40 mg at bedtime
cimetidine | h2-antagonist | 400 mg orally twice daily or 800 mg at bedtime
nizatidine | h2-antagonist | 150 mg orally twice daily
ranitidine | h2-antagonist | withdrawn from the US market (2020)
sucralfate | mucosal-protectant polyvalent-cation | 1 g orally four times daily
misoprostol | prostaglandin | 200 micrograms orally four times daily with food
ondansetron | antiemetic qt-prolonging | 4-8 mg orally every 8 hours as needed
granisetron | antiemetic | 1-2 mg orally once daily
metoclopramide | antiemetic prokinetic dopamine-antagonist | 5-10 mg orally up to three times daily (5 days at most)
prochlorperazine | antiemetic antipsychotic dopamine-antagonist anticholinergic | 5-10 mg orally three to four times daily as needed
domperidone | antiemetic prokinetic dopamine-antagonist qt-prolonging | 10 mg orally up to three times daily (not marketed in the US)
aprepitant | antiemetic cyp3a4-moderate-inhibitor | 125 mg orally on day 1, then 80 mg on days 2-3
loperamide | antidiarrheal | 4 mg orally, then 2 mg after each loose stool (maximum 16 mg/day)
bismuth subsalicylate | antidiarrheal salicylate | 524 mg orally every 30-60 minutes as needed (maximum 8 doses/day)
bisacodyl | laxative | 5-10 mg orally at bedtime
sennosides | laxative | 15-30 mg orally at bedtime | rx=sennosides, usp
docusate | laxative | 100 mg orally twice daily
psyllium | laxative | 3.4 g orally one to three times daily with water
linaclotide | laxative | 72-290 micrograms orally once daily before breakfast
lubiprostone | laxative | 24 micrograms orally twice daily with food
mesalamine | aminosalicylate | 2.4-4.8 g orally daily in divided doses
sulfasalazine | aminosalicylate dmard | 500 mg-1 g orally two to four times daily
dicyclomine | antispasmodic anticholinergic | 20-40 mg orally four times daily
hyoscyamine | antispasmodic anticholinergic | 0.125-0.25 mg orally every 4 hours as needed
simethicone | antiflatulent | 40-125 mg orally after meals and at bedtime
calcium carbonate | antacid polyvalent-cation calcium-supplement | 500-1500 mg orally as needed (antacid); 1-2 g daily (supplement)
magnesium hydroxide | antacid laxative polyvalent-cation | 400-1200 mg orally as needed
aluminum hydroxide | antacid polyvalent-cation | 300-600 mg orally as needed
magnesium oxide | electrolyte polyvalent-cation | 400-800 mg orally daily
ursodiol | bile-acid | 8-10 mg/kg orally daily in divided doses | rx=ursodeoxycholate
orlistat | anti-obesity | 120 mg orally three times daily with fat-containing meals
`;
