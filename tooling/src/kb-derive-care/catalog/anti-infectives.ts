/**
 * Curated drugs: antibacterials, antifungals, antivirals (incl. HIV), antimalarials, anthelmintics.
 * Columns as in cardiovascular.ts.
 */
export const ANTI_INFECTIVE_DRUGS = `
amoxicillin | penicillin | 500 mg orally three times daily (or 875 mg twice daily)
ampicillin | penicillin | 1-2 g IV every 4-6 hours
penicillin v | penicillin | 500 mg orally four times daily (streptococcal pharyngitis: 500 mg twice daily for 10 days)
penicillin g | penicillin | 2.4 million units IM once (benzathine, early syphilis)
dicloxacillin | penicillin | 250-500 mg orally four times daily
nafcillin | penicillin cyp3a4-moderate-inducer | 1-2 g IV every 4 hours
piperacillin | penicillin | 4 g (with tazobactam 0.5 g) IV every 6-8 hours | cui=8339; why=no-oral-solid
clavulanate | beta-lactamase-inhibitor | 125 mg per dose with amoxicillin | cui=48203; why=combination-only
tazobactam | beta-lactamase-inhibitor | 0.5 g per dose with piperacillin | cui=37617; why=no-oral-solid
cephalexin | cephalosporin | 500 mg orally two to four times daily
cefadroxil | cephalosporin | 500 mg-1 g orally twice daily
cefuroxime | cephalosporin | 250-500 mg orally twice daily
cefdinir | cephalosporin | 300 mg orally twice daily
cefpodoxime | cephalosporin | 100-400 mg orally twice daily
cefaclor | cephalosporin | 250-500 mg orally three times daily
cefprozil | cephalosporin | 250-500 mg orally twice daily
cefixime | cephalosporin | 400 mg orally once daily
ceftriaxone | cephalosporin | 1-2 g IV or IM once daily (gonorrhoea: 500 mg IM once) | cui=2193; why=no-oral-solid
azithromycin | macrolide qt-prolonging | 500 mg on day 1 then 250 mg daily on days 2-5 (or 500 mg daily for 3 days)
clarithromycin | macrolide qt-prolonging cyp3a4-strong-inhibitor pgp-inhibitor | 250-500 mg orally twice daily
erythromycin | macrolide qt-prolonging cyp3a4-moderate-inhibitor pgp-inhibitor | 250-500 mg orally four times daily
telithromycin | macrolide cyp3a4-strong-inhibitor | withdrawn from the US market (2016)
ciprofloxacin | fluoroquinolone qt-prolonging cyp1a2-strong-inhibitor cyp3a4-moderate-inhibitor | 250-750 mg orally twice daily
levofloxacin | fluoroquinolone qt-prolonging | 250-750 mg orally once daily
moxifloxacin | fluoroquinolone qt-prolonging | 400 mg orally once daily
ofloxacin | fluoroquinolone | 200-400 mg orally twice daily
doxycycline | tetracycline | 100 mg orally twice daily (200 mg on day 1)
minocycline | tetracycline | 100 mg orally twice daily
tetracycline | tetracycline | 250-500 mg orally four times daily
sulfamethoxazole | sulfonamide-antibiotic cyp2c9-inhibitor | 800 mg (with trimethoprim 160 mg) orally twice daily
trimethoprim | antifolate-antibiotic | 200 mg orally twice daily for 3 days (uncomplicated cystitis)
nitrofurantoin | urinary-antiseptic | 100 mg (modified release) orally twice daily for 5 days
fosfomycin | urinary-antiseptic | 3 g orally as a single dose | cui=4550; why=no-oral-solid
methenamine | urinary-antiseptic | 1 g (hippurate) orally twice daily
metronidazole | nitroimidazole cyp2c9-inhibitor | 400-500 mg orally two to three times daily
tinidazole | nitroimidazole | 2 g orally as a single dose
clindamycin | lincosamide | 150-450 mg orally every 6-8 hours
vancomycin | glycopeptide | 125 mg orally four times daily (C. difficile); IV dosed by level
linezolid | oxazolidinone | 600 mg orally or IV twice daily
gentamicin | aminoglycoside | 5-7 mg/kg IV once daily, by level | cui=4413; why=no-oral-solid
rifampin | rifamycin antimycobacterial cyp3a4-strong-inducer | 600 mg orally once daily (tuberculosis, with other agents)
rifabutin | rifamycin antimycobacterial cyp3a4-moderate-inducer | 300 mg orally once daily
rifapentine | rifamycin antimycobacterial cyp3a4-strong-inducer | 900 mg orally once weekly (latent TB, with isoniazid)
rifaximin | rifamycin | 550 mg orally twice daily
isoniazid | antimycobacterial | 300 mg orally once daily (with pyridoxine)
pyrazinamide | antimycobacterial | 20-25 mg/kg orally once daily
ethambutol | antimycobacterial | 15-20 mg/kg orally once daily
fluconazole | azole-antifungal qt-prolonging cyp3a4-moderate-inhibitor cyp2c9-inhibitor cyp2c19-inhibitor | 150 mg orally once (vaginal candidiasis); 100-400 mg daily
itraconazole | azole-antifungal cyp3a4-strong-inhibitor pgp-inhibitor | 100-200 mg orally once or twice daily
ketoconazole | azole-antifungal cyp3a4-strong-inhibitor pgp-inhibitor | 200-400 mg orally once daily (oral use restricted)
voriconazole | azole-antifungal cyp3a4-strong-inhibitor cyp2c9-inhibitor cyp2c19-inhibitor | 200-300 mg orally twice daily
posaconazole | azole-antifungal cyp3a4-strong-inhibitor | 300 mg (delayed release) orally once daily
miconazole | azole-antifungal cyp2c9-inhibitor | 2% oral gel or vaginal cream as directed
terbinafine | antifungal-other cyp2d6-strong-inhibitor | 250 mg orally once daily for 6-12 weeks
nystatin | antifungal-other | 100,000 units/mL oral suspension, 4-6 mL four times daily
griseofulvin | antifungal-other | 500 mg orally daily
acyclovir | antiviral-herpes | 400 mg three times daily; 800 mg five times daily (zoster)
valacyclovir | antiviral-herpes | 1 g orally three times daily for 7 days (zoster)
famciclovir | antiviral-herpes | 500 mg orally three times daily for 7 days (zoster)
oseltamivir | neuraminidase-inhibitor | 75 mg orally twice daily for 5 days
ritonavir | hiv-protease-inhibitor pharmacokinetic-enhancer cyp3a4-strong-inhibitor pgp-inhibitor | 100 mg orally once or twice daily (booster)
atazanavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 300 mg (with ritonavir 100 mg) orally once daily
darunavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 800 mg (with ritonavir or cobicistat) orally once daily
lopinavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 400 mg (with ritonavir 100 mg) orally twice daily | cui=195088; why=combination-only
saquinavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 1000 mg (with ritonavir) orally twice daily
indinavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 800 mg orally every 8 hours
nelfinavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 1250 mg orally twice daily
fosamprenavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 700 mg (with ritonavir) orally twice daily
amprenavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | discontinued in the US (2004)
tipranavir | hiv-protease-inhibitor cyp3a4-strong-inhibitor | 500 mg (with ritonavir 200 mg) orally twice daily
cobicistat | pharmacokinetic-enhancer cyp3a4-strong-inhibitor | 150 mg orally once daily (booster)
efavirenz | nnrti cyp3a4-moderate-inducer | 600 mg orally once daily at bedtime
nevirapine | nnrti cyp3a4-moderate-inducer | 200 mg orally twice daily (after lead-in)
etravirine | nnrti cyp3a4-moderate-inducer | 200 mg orally twice daily
rilpivirine | nnrti | 25 mg orally once daily with a meal
dolutegravir | integrase-inhibitor | 50 mg orally once daily
raltegravir | integrase-inhibitor | 400 mg orally twice daily
elvitegravir | integrase-inhibitor | 150 mg (with cobicistat) orally once daily
tenofovir disoproxil | nrti | 300 mg orally once daily
emtricitabine | nrti | 200 mg orally once daily
lamivudine | nrti | 300 mg orally once daily
abacavir | nrti | 600 mg orally once daily (HLA-B*57:01 negative only)
zidovudine | nrti | 300 mg orally twice daily
sofosbuvir | hcv-antiviral | 400 mg orally once daily
chloroquine | antimalarial qt-prolonging | per indication and region
mefloquine | antimalarial | 250 mg orally once weekly (prophylaxis)
quinine | antimalarial | 648 mg orally every 8 hours (malaria only; not for leg cramps)
primaquine | antimalarial | 30 mg orally once daily
atovaquone | antimalarial | 250 mg (with proguanil 100 mg) orally once daily (prophylaxis)
proguanil | antimalarial | 100 mg (with atovaquone 250 mg) orally once daily (prophylaxis)
ivermectin | anthelmintic | 200 micrograms/kg orally as a single dose
albendazole | anthelmintic | 400 mg orally as a single dose
mebendazole | anthelmintic | 100 mg orally twice daily for 3 days
`;
