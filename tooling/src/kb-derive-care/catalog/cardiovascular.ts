/**
 * Curated drugs: cardiovascular, lipids, antithrombotics.
 * Columns: name | classes | typical adult dose (BNF / FDA label) | options
 * Options: rx=RxNorm ingredient name when it differs; cui=ingredient RxCUI when the RxNorm file lacks
 * it, with why=<reason> from ABSENCE_REASONS (rxcui-verification.ts; checked at derivation);
 * alsoCui=other ingredient RxCUIs of the same substance; brands=extra brand names.
 */
export const CARDIOVASCULAR_DRUGS = `
lisinopril | ace-inhibitor | 10-40 mg orally once daily
enalapril | ace-inhibitor | 5-20 mg orally once or twice daily
ramipril | ace-inhibitor | 2.5-10 mg orally once daily
captopril | ace-inhibitor | 12.5-50 mg orally two to three times daily
benazepril | ace-inhibitor | 10-40 mg orally once daily
quinapril | ace-inhibitor | 10-40 mg orally once daily
perindopril | ace-inhibitor | 4-8 mg orally once daily
fosinopril | ace-inhibitor | 10-40 mg orally once daily
trandolapril | ace-inhibitor | 1-4 mg orally once daily
moexipril | ace-inhibitor | 7.5-30 mg orally once daily
losartan | arb | 50-100 mg orally once daily
valsartan | arb | 80-320 mg orally once daily
irbesartan | arb | 150-300 mg orally once daily
candesartan | arb | 8-32 mg orally once daily
olmesartan | arb | 20-40 mg orally once daily
telmisartan | arb | 40-80 mg orally once daily
azilsartan | arb | 40-80 mg orally once daily
eprosartan | arb | 600 mg orally once daily
sacubitril | arni | 24/26 mg to 97/103 mg (sacubitril/valsartan) orally twice daily | cui=1656328; why=newer-than-file; brands=entresto
aliskiren | direct-renin-inhibitor | 150-300 mg orally once daily
hydrochlorothiazide | thiazide-diuretic | 12.5-25 mg orally once daily
chlorthalidone | thiazide-diuretic | 12.5-25 mg orally once daily
indapamide | thiazide-diuretic | 1.25-2.5 mg orally once daily
metolazone | thiazide-diuretic | 2.5-5 mg orally once daily
chlorothiazide | thiazide-diuretic | 500-1000 mg orally once or twice daily
bendroflumethiazide | thiazide-diuretic | 2.5 mg orally once daily
furosemide | loop-diuretic | 20-80 mg orally once or twice daily
bumetanide | loop-diuretic | 0.5-2 mg orally once or twice daily
torsemide | loop-diuretic | 10-20 mg orally once daily
ethacrynic acid | loop-diuretic | 50-100 mg orally daily | rx=ethacrynate
spironolactone | potassium-sparing-diuretic mineralocorticoid-antagonist | 25-50 mg orally once daily
eplerenone | potassium-sparing-diuretic mineralocorticoid-antagonist | 25-50 mg orally once daily
amiloride | potassium-sparing-diuretic | 5-10 mg orally once daily
triamterene | potassium-sparing-diuretic | 37.5-75 mg (with hydrochlorothiazide) orally once daily
metoprolol | beta-blocker | 25-200 mg orally daily (tartrate twice daily, succinate once daily)
atenolol | beta-blocker | 25-100 mg orally once daily
propranolol | beta-blocker nonselective-beta-blocker | 40-160 mg orally daily in divided doses
carvedilol | beta-blocker nonselective-beta-blocker | 3.125-25 mg orally twice daily with food
bisoprolol | beta-blocker | 2.5-10 mg orally once daily
nebivolol | beta-blocker | 5-40 mg orally once daily
nadolol | beta-blocker nonselective-beta-blocker | 40-160 mg orally once daily
labetalol | beta-blocker nonselective-beta-blocker | 100-400 mg orally twice daily
sotalol | beta-blocker nonselective-beta-blocker antiarrhythmic qt-prolonging | 80-160 mg orally twice daily (initiate with ECG monitoring)
timolol | beta-blocker nonselective-beta-blocker | 10-20 mg orally twice daily
acebutolol | beta-blocker | 200-600 mg orally daily
pindolol | beta-blocker nonselective-beta-blocker | 5-20 mg orally twice daily
amlodipine | dhp-calcium-channel-blocker | 5-10 mg orally once daily
nifedipine | dhp-calcium-channel-blocker | 30-90 mg (extended release) orally once daily
felodipine | dhp-calcium-channel-blocker | 2.5-10 mg orally once daily
isradipine | dhp-calcium-channel-blocker | 2.5-5 mg orally twice daily
nicardipine | dhp-calcium-channel-blocker | 20-40 mg orally three times daily
nisoldipine | dhp-calcium-channel-blocker | 17-34 mg orally once daily
diltiazem | non-dhp-calcium-channel-blocker cyp3a4-moderate-inhibitor | 120-360 mg (extended release) orally once daily
verapamil | non-dhp-calcium-channel-blocker cyp3a4-moderate-inhibitor pgp-inhibitor | 120-360 mg (extended release) orally daily
doxazosin | alpha-blocker | 1-8 mg orally once daily
terazosin | alpha-blocker | 1-10 mg orally at bedtime
prazosin | alpha-blocker | 1-5 mg orally two to three times daily
tamsulosin | alpha-blocker | 0.4-0.8 mg orally once daily
alfuzosin | alpha-blocker | 10 mg orally once daily after a meal
silodosin | alpha-blocker | 8 mg orally once daily with a meal
clonidine | central-alpha-agonist | 0.1-0.3 mg orally twice daily
methyldopa | central-alpha-agonist | 250-500 mg orally two to three times daily
guanfacine | central-alpha-agonist | 1-3 mg orally once daily
hydralazine | vasodilator | 25-50 mg orally three to four times daily
minoxidil | vasodilator | 5-40 mg orally daily
pentoxifylline | vasodilator | 400 mg orally three times daily with meals
nitroglycerin | nitrate | 0.4 mg sublingually as needed for angina (up to 3 doses in 15 minutes)
isosorbide mononitrate | nitrate | 30-120 mg (extended release) orally once daily | rx=isosorbide
isosorbide dinitrate | nitrate | 10-40 mg orally two to three times daily
ranolazine | antianginal | 500-1000 mg orally twice daily
ivabradine | antianginal | 2.5-7.5 mg orally twice daily with meals | cui=1649480; why=newer-than-file; brands=corlanor
digoxin | cardiac-glycoside | 62.5-250 micrograms orally once daily (by renal function and level)
amiodarone | antiarrhythmic qt-prolonging cyp2c9-inhibitor pgp-inhibitor | 200 mg orally once daily (maintenance, after loading)
dronedarone | antiarrhythmic qt-prolonging cyp3a4-moderate-inhibitor pgp-inhibitor | 400 mg orally twice daily with meals
flecainide | antiarrhythmic qt-prolonging | 50-150 mg orally twice daily
propafenone | antiarrhythmic | 150-300 mg orally three times daily
dofetilide | antiarrhythmic qt-prolonging | 125-500 micrograms orally twice daily (by creatinine clearance and QTc)
quinidine | antiarrhythmic qt-prolonging cyp2d6-strong-inhibitor pgp-inhibitor | 200-400 mg orally three to four times daily
disopyramide | antiarrhythmic qt-prolonging anticholinergic | 100-200 mg orally every 6 hours
procainamide | antiarrhythmic qt-prolonging | specialist use only
mexiletine | antiarrhythmic | 200-300 mg orally every 8 hours with food
lidocaine | local-anesthetic antiarrhythmic | local infiltration up to 200 mg (3 mg/kg); 5% medicated plaster up to 12 hours in 24 | cui=6387; why=no-oral-solid; brands=xylocaine, lidoderm
simvastatin | statin | 20-40 mg orally once daily in the evening
lovastatin | statin | 20-80 mg orally daily with the evening meal
atorvastatin | statin | 10-80 mg orally once daily
rosuvastatin | statin | 5-40 mg orally once daily
pravastatin | statin | 10-80 mg orally once daily
fluvastatin | statin | 20-80 mg orally once daily
pitavastatin | statin | 1-4 mg orally once daily
ezetimibe | lipid-lowering-other | 10 mg orally once daily
gemfibrozil | fibrate | 600 mg orally twice daily before meals
fenofibrate | fibrate | 48-145 mg orally once daily
niacin | lipid-lowering-other vitamin | 500-2000 mg (extended release) orally at bedtime
colesevelam | bile-acid-sequestrant | 3.75 g orally daily in one or two doses with meals
cholestyramine | bile-acid-sequestrant | 4 g orally one to four times daily | rx=cholestyramine resin
colestipol | bile-acid-sequestrant | 5-30 g (granules) orally daily in divided doses
icosapent ethyl | lipid-lowering-other | 2 g orally twice daily with food
warfarin | anticoagulant vitamin-k-antagonist | individualised to INR (typically 2-10 mg orally once daily)
apixaban | anticoagulant doac | 5 mg orally twice daily (2.5 mg twice daily when dose-reduction criteria are met)
rivaroxaban | anticoagulant doac | 20 mg orally once daily with the evening meal (AF; 15 mg if CrCl 15-50)
dabigatran | anticoagulant doac | 150 mg orally twice daily | rx=dabigatran etexilate
edoxaban | anticoagulant doac | 60 mg orally once daily (30 mg if CrCl 15-50 mL/min) | cui=1599538; why=newer-than-file; brands=savaysa,lixiana
heparin | anticoagulant parenteral-anticoagulant | 5000 units subcutaneously every 8-12 hours (prophylaxis) | cui=5224; why=no-oral-solid
enoxaparin | anticoagulant parenteral-anticoagulant | 40 mg subcutaneously once daily (prophylaxis); 1 mg/kg twice daily (treatment) | cui=67108; why=no-oral-solid; brands=lovenox,clexane
aspirin | antiplatelet salicylate | 75-100 mg orally once daily (antiplatelet)
clopidogrel | antiplatelet p2y12-inhibitor | 75 mg orally once daily
prasugrel | antiplatelet p2y12-inhibitor | 10 mg orally once daily
ticagrelor | antiplatelet p2y12-inhibitor | 90 mg orally twice daily
dipyridamole | antiplatelet | 200 mg (modified release) orally twice daily
cilostazol | antiplatelet qt-prolonging | 100 mg orally twice daily, 30 minutes before or 2 hours after meals
ticlopidine | antiplatelet p2y12-inhibitor cyp2c19-inhibitor | 250 mg orally twice daily (largely superseded)
vorapaxar | antiplatelet | 2.08 mg orally once daily
anagrelide | qt-prolonging | 0.5-1 mg orally two to four times daily (specialist)
alteplase | thrombolytic | 0.9 mg/kg IV (maximum 90 mg) for acute ischaemic stroke within 4.5 hours | cui=8410; why=no-oral-solid
riociguat | sgc-stimulator | 1-2.5 mg orally three times daily
bosentan | endothelin-receptor-antagonist cyp3a4-moderate-inducer | 62.5-125 mg orally twice daily
ambrisentan | endothelin-receptor-antagonist | 5-10 mg orally once daily
midodrine | sympathomimetic | 2.5-10 mg orally three times daily
epinephrine | sympathomimetic | 0.3-0.5 mg IM (1 mg/mL) into the anterolateral thigh for anaphylaxis | cui=3992; why=no-oral-solid
potassium chloride | potassium-supplement electrolyte | 20-40 mmol orally daily in divided doses
`;
