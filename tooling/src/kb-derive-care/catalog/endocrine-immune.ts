/**
 * Curated drugs: diabetes, thyroid, steroids, bone, sex hormones, urology, gout, immunology,
 * oncology, vitamins and hospital agents seen in Synthea records. Columns as in cardiovascular.ts.
 */
export const ENDOCRINE_IMMUNE_DRUGS = `
metformin | biguanide | 500-1000 mg orally twice daily with meals (maximum 2-2.55 g/day)
glipizide | sulfonylurea | 2.5-20 mg orally daily before breakfast
glyburide | sulfonylurea | 1.25-20 mg orally daily
glimepiride | sulfonylurea | 1-4 mg orally once daily with breakfast
chlorpropamide | sulfonylurea | 100-500 mg orally once daily (rarely used)
tolbutamide | sulfonylurea | 250-2000 mg orally daily in divided doses
repaglinide | meglitinide | 0.5-4 mg orally before each meal
nateglinide | meglitinide | 60-120 mg orally before each meal
sitagliptin | dpp4-inhibitor | 100 mg orally once daily (reduce in CKD)
saxagliptin | dpp4-inhibitor | 2.5-5 mg orally once daily
linagliptin | dpp4-inhibitor | 5 mg orally once daily
alogliptin | dpp4-inhibitor | 25 mg orally once daily (reduce in CKD)
empagliflozin | sglt2-inhibitor | 10-25 mg orally once daily
dapagliflozin | sglt2-inhibitor | 10 mg orally once daily
canagliflozin | sglt2-inhibitor | 100-300 mg orally once daily
liraglutide | glp1-agonist | 0.6-1.8 mg subcutaneously once daily | cui=475968; why=no-oral-solid; brands=victoza,saxenda
semaglutide | glp1-agonist | 0.25-2 mg subcutaneously once weekly, or 3-14 mg orally once daily | cui=1991302; why=newer-than-file; brands=ozempic,wegovy,rybelsus
dulaglutide | glp1-agonist | 0.75-4.5 mg subcutaneously once weekly | cui=1551291; why=no-oral-solid; brands=trulicity
exenatide | glp1-agonist | 5-10 micrograms subcutaneously twice daily | cui=60548; why=no-oral-solid; brands=byetta,bydureon
pioglitazone | thiazolidinedione | 15-45 mg orally once daily
rosiglitazone | thiazolidinedione | 4-8 mg orally daily
acarbose | alpha-glucosidase-inhibitor | 25-100 mg orally three times daily with meals
insulin glargine | insulin | 10 units (or 0.1-0.2 units/kg) subcutaneously once daily, titrated to fasting glucose | cui=274783; why=no-oral-solid; brands=lantus,basaglar,toujeo
insulin lispro | insulin | individualised, subcutaneously 0-15 minutes before meals | cui=86009; why=no-oral-solid; brands=humalog,admelog
insulin aspart | insulin | individualised, subcutaneously 5-10 minutes before meals | cui=51428; why=no-oral-solid; brands=novolog,fiasp
insulin detemir | insulin | 10 units (or 0.1-0.2 units/kg) subcutaneously once or twice daily | cui=139825; why=no-oral-solid; brands=levemir
insulin regular human | insulin | individualised, subcutaneously 30 minutes before meals | cui=253182; why=no-oral-solid; brands=humulin,humulin r,novolin r
levothyroxine | thyroid-hormone | 1.6 micrograms/kg orally once daily on an empty stomach (start 25-50 micrograms if older or cardiac disease) | rx=thyroxine
liothyronine | thyroid-hormone | 25-75 micrograms orally daily | rx=triiodothyronine
methimazole | antithyroid | 5-30 mg orally once daily
propylthiouracil | antithyroid | 50-150 mg orally three times daily
prednisone | systemic-corticosteroid | 5-60 mg orally once daily (short course, e.g. 40 mg for 5 days)
prednisolone | systemic-corticosteroid | 5-60 mg orally once daily
methylprednisolone | systemic-corticosteroid | 4-48 mg orally daily
dexamethasone | systemic-corticosteroid | 0.5-10 mg orally daily (croup: 0.15 mg/kg once)
hydrocortisone | systemic-corticosteroid | 15-30 mg orally daily in divided doses (replacement); 1% cream topically
fludrocortisone | systemic-corticosteroid | 0.05-0.2 mg orally once daily
alendronate | bisphosphonate | 70 mg orally once weekly, fasting, upright for 30 minutes
risedronate | bisphosphonate | 35 mg orally once weekly
ibandronate | bisphosphonate | 150 mg orally once monthly
raloxifene | serm | 60 mg orally once daily
tamoxifen | serm antineoplastic | 20 mg orally once daily
anastrozole | aromatase-inhibitor antineoplastic | 1 mg orally once daily
letrozole | aromatase-inhibitor antineoplastic | 2.5 mg orally once daily
exemestane | aromatase-inhibitor antineoplastic | 25 mg orally once daily after a meal
calcitriol | vitamin-d | 0.25-0.5 micrograms orally daily
cholecalciferol | vitamin-d | 800-2000 units orally once daily
ergocalciferol | vitamin-d | 50,000 units orally once weekly (repletion)
estradiol | estrogen | 0.5-2 mg orally once daily (menopausal symptoms, with a progestogen if uterus intact)
conjugated estrogens | estrogen | 0.3-0.625 mg orally once daily | rx=estrogens, conjugated (usp)
ethinyl estradiol | estrogen hormonal-contraceptive | 20-35 micrograms orally once daily (in combined oral contraceptives)
norethindrone | progestin hormonal-contraceptive | 0.35 mg orally once daily (progestogen-only pill)
levonorgestrel | progestin hormonal-contraceptive | 1.5 mg orally once (emergency contraception); 52 mg intrauterine system
norgestrel | progestin hormonal-contraceptive | 0.075 mg orally once daily
medroxyprogesterone | progestin hormonal-contraceptive | 150 mg IM every 13 weeks (contraception); 2.5-10 mg orally daily
progesterone | progestin | 100-200 mg orally at bedtime
megestrol | progestin | 400-800 mg orally daily (appetite)
mestranol / norethynodrel | estrogen progestin hormonal-contraceptive | withdrawn combined oral contraceptive (Enovid); no current dose
testosterone | androgen | 50-100 mg testosterone gel topically once daily | cui=10379; why=no-oral-solid
finasteride | 5-alpha-reductase-inhibitor | 5 mg orally once daily (benign prostatic hyperplasia)
dutasteride | 5-alpha-reductase-inhibitor | 0.5 mg orally once daily
cabergoline | dopamine-agonist | 0.25-1 mg orally twice weekly
bromocriptine | dopamine-agonist | 2.5 mg orally two to three times daily
desmopressin | vasopressin-analogue | 0.1-0.4 mg orally at bedtime
leuprolide | gnrh-agonist antineoplastic | 7.5 mg IM monthly or 22.5 mg every 3 months | cui=42375; why=no-oral-solid; brands=lupron,eligard
oxybutynin | urinary-antimuscarinic anticholinergic | 5 mg orally two to three times daily
tolterodine | urinary-antimuscarinic anticholinergic | 2 mg orally twice daily
solifenacin | urinary-antimuscarinic anticholinergic | 5-10 mg orally once daily
darifenacin | urinary-antimuscarinic anticholinergic | 7.5-15 mg orally once daily
fesoterodine | urinary-antimuscarinic anticholinergic | 4-8 mg orally once daily
trospium | urinary-antimuscarinic anticholinergic | 20 mg orally twice daily before meals
mirabegron | beta3-agonist | 25-50 mg orally once daily
sildenafil | pde5-inhibitor | 50 mg orally 1 hour before sexual activity (25-100 mg)
tadalafil | pde5-inhibitor | 10-20 mg orally as needed, or 2.5-5 mg once daily
vardenafil | pde5-inhibitor | 10 mg orally 1 hour before sexual activity
avanafil | pde5-inhibitor | 100 mg orally 15-30 minutes before sexual activity
phenazopyridine | urinary-analgesic | 200 mg orally three times daily after meals for up to 2 days
allopurinol | xanthine-oxidase-inhibitor | 100-300 mg orally once daily, titrated to serum urate below 6 mg/dL
febuxostat | xanthine-oxidase-inhibitor | 40-80 mg orally once daily
colchicine | antigout | 1.2 mg then 0.6 mg one hour later (flare); 0.5-0.6 mg once or twice daily (prophylaxis)
probenecid | uricosuric | 250-500 mg orally twice daily
methotrexate | dmard antineoplastic | 7.5-25 mg orally ONCE WEEKLY with folic acid
hydroxychloroquine | dmard antimalarial qt-prolonging | 200-400 mg orally daily (maximum 5 mg/kg/day actual weight)
leflunomide | dmard | 10-20 mg orally once daily
azathioprine | thiopurine immunosuppressant | 1-2.5 mg/kg orally daily (check TPMT first)
mercaptopurine | thiopurine immunosuppressant antineoplastic | 1-1.5 mg/kg orally daily
cyclosporine | calcineurin-inhibitor immunosuppressant pgp-inhibitor | by trough level (specialist)
tacrolimus | calcineurin-inhibitor immunosuppressant | by trough level (specialist)
sirolimus | mtor-inhibitor immunosuppressant | by trough level (specialist)
everolimus | mtor-inhibitor immunosuppressant antineoplastic | by indication and trough level (specialist)
mycophenolate mofetil | immunosuppressant | 1-1.5 g orally twice daily
tofacitinib | jak-inhibitor immunosuppressant | 5 mg orally twice daily
apremilast | pde4-inhibitor | 30 mg orally twice daily after titration
isotretinoin | retinoid | 0.5-1 mg/kg/day orally (pregnancy prevention programme)
irinotecan | antineoplastic | per oncology protocol (body-surface-area based) | cui=51499; why=no-oral-solid; brands=camptosar
cisplatin | antineoplastic | per oncology protocol (body-surface-area based) | cui=2555; why=no-oral-solid
paclitaxel | antineoplastic | per oncology protocol (body-surface-area based) | cui=56946; why=no-oral-solid; brands=taxol
docetaxel | antineoplastic | per oncology protocol (body-surface-area based) | cui=72962; why=no-oral-solid; brands=taxotere
oxaliplatin | antineoplastic qt-prolonging | per oncology protocol (body-surface-area based) | cui=32592; why=no-oral-solid; brands=eloxatin
etoposide | antineoplastic | per oncology protocol
cyclophosphamide | antineoplastic immunosuppressant | per oncology or rheumatology protocol
capecitabine | antineoplastic | per oncology protocol
topotecan | antineoplastic | per oncology protocol
imatinib | antineoplastic cyp3a4-moderate-inhibitor | 400 mg orally once daily
procarbazine | antineoplastic maoi | per oncology protocol
enzalutamide | antineoplastic cyp3a4-strong-inducer | 160 mg orally once daily
abiraterone | antineoplastic | 1000 mg orally once daily with prednisone
bicalutamide | antineoplastic | 50 mg orally once daily
hydroxyurea | antineoplastic | per indication (specialist)
leucovorin | folate-analogue | per oncology protocol, or methotrexate rescue
cyanocobalamin | vitamin | 1000 micrograms IM monthly, or 1000-2000 micrograms orally daily | cui=11248
folic acid | vitamin | 400 micrograms to 5 mg orally once daily
ferrous sulfate | iron-supplement polyvalent-cation | 325 mg (65 mg elemental iron) orally once daily or on alternate days
ferrous gluconate | iron-supplement polyvalent-cation | 240-324 mg orally once daily
sodium chloride | electrolyte | 0.9% IV as prescribed
epoetin alfa | erythropoiesis-stimulating-agent | 50-100 units/kg subcutaneously three times weekly, to haemoglobin target | cui=105694; why=no-oral-solid; brands=epogen,procrit,retacrit
atropine | anticholinergic | 0.5-1 mg IV every 3-5 minutes (symptomatic bradycardia)
propofol | general-anesthetic qt-prolonging | IV by an anaesthetist | cui=8782; why=no-oral-solid
rocuronium | neuromuscular-blocker | 0.6 mg/kg IV for intubation | cui=68139; why=no-oral-solid
isoflurane | general-anesthetic | inhaled by an anaesthetist | cui=6026; why=no-oral-solid
methylene blue | diagnostic-dye | 1-2 mg/kg IV over 5 minutes (methaemoglobinaemia)
st johns wort | herbal serotonergic cyp3a4-strong-inducer | over-the-counter herbal (typically 300 mg extract three times daily) | rx=st. john's wort extract; brands=st. john's wort,hypericum
`;
