/**
 * Curated drugs: antidepressants, antipsychotics, antiepileptics, hypnotics, stimulants, dementia,
 * Parkinson's, migraine, dependence. Columns as in cardiovascular.ts.
 */
export const NERVOUS_SYSTEM_DRUGS = `
fluoxetine | ssri serotonergic cyp2d6-strong-inhibitor | 20-60 mg orally once daily
sertraline | ssri serotonergic | 50-200 mg orally once daily
paroxetine | ssri serotonergic cyp2d6-strong-inhibitor anticholinergic | 20-50 mg orally once daily
citalopram | ssri serotonergic qt-prolonging | 20-40 mg orally once daily (maximum 20 mg over age 60)
escitalopram | ssri serotonergic qt-prolonging | 10-20 mg orally once daily
fluvoxamine | ssri serotonergic cyp1a2-strong-inhibitor cyp2c19-inhibitor cyp3a4-moderate-inhibitor | 50-300 mg orally daily
vilazodone | other-antidepressant serotonergic | 20-40 mg orally once daily with food
vortioxetine | other-antidepressant serotonergic | 10-20 mg orally once daily
venlafaxine | snri serotonergic | 75-225 mg (extended release) orally once daily
desvenlafaxine | snri serotonergic | 50 mg orally once daily
duloxetine | snri serotonergic | 60 mg orally once daily
milnacipran | snri serotonergic | 50 mg orally twice daily
levomilnacipran | snri serotonergic | 40-120 mg orally once daily
amitriptyline | tca serotonergic anticholinergic | 10-25 mg at night (neuropathic pain); 75-150 mg daily (depression)
nortriptyline | tca serotonergic anticholinergic | 25-100 mg orally at bedtime
imipramine | tca serotonergic anticholinergic | 75-150 mg orally daily
desipramine | tca serotonergic anticholinergic | 100-200 mg orally daily
clomipramine | tca serotonergic anticholinergic | 25-250 mg orally daily
doxepin | tca serotonergic anticholinergic | 3-6 mg at bedtime (insomnia); 75-150 mg daily (depression)
protriptyline | tca serotonergic anticholinergic | 15-40 mg orally daily in divided doses
trimipramine | tca serotonergic anticholinergic | 50-150 mg orally at bedtime
amoxapine | tca anticholinergic | 100-300 mg orally daily
phenelzine | maoi | 15 mg orally three times daily
tranylcypromine | maoi | 30-60 mg orally daily in divided doses
isocarboxazid | maoi | 10-40 mg orally daily in divided doses
selegiline | maoi antiparkinson | 5 mg orally twice daily (Parkinson's); 6-12 mg/24 h transdermal (depression)
rasagiline | maoi antiparkinson | 0.5-1 mg orally once daily
moclobemide | maoi | 150-300 mg orally twice daily (not marketed in the US)
bupropion | other-antidepressant cyp2d6-strong-inhibitor smoking-cessation | 150-300 mg (extended release) orally daily
mirtazapine | other-antidepressant serotonergic | 15-45 mg orally at bedtime
trazodone | other-antidepressant serotonergic | 25-100 mg at bedtime (sleep); 150-400 mg daily (depression)
nefazodone | other-antidepressant serotonergic cyp3a4-strong-inhibitor | 100-300 mg orally twice daily
buspirone | anxiolytic serotonergic | 7.5-15 mg orally twice daily
lithium | mood-stabilizer serotonergic | 600-1200 mg orally daily, to a serum level of 0.6-1.0 mmol/L | rx=lithium carbonate; alsoCui=6448
haloperidol | antipsychotic qt-prolonging | 0.5-5 mg orally two to three times daily
chlorpromazine | antipsychotic qt-prolonging anticholinergic | 25-100 mg orally three times daily
thioridazine | antipsychotic qt-prolonging anticholinergic | 50-100 mg orally three times daily (restricted)
pimozide | antipsychotic qt-prolonging | 1-10 mg orally daily
fluphenazine | antipsychotic | 2.5-10 mg orally daily in divided doses
perphenazine | antipsychotic anticholinergic | 4-16 mg orally two to four times daily
trifluoperazine | antipsychotic anticholinergic | 2-5 mg orally twice daily
loxapine | antipsychotic anticholinergic | 10-50 mg orally twice daily
quetiapine | antipsychotic | 25-800 mg orally daily
olanzapine | antipsychotic anticholinergic | 5-20 mg orally once daily
risperidone | antipsychotic | 1-6 mg orally daily
aripiprazole | antipsychotic | 2-30 mg orally once daily
ziprasidone | antipsychotic | 20-80 mg orally twice daily with food
paliperidone | antipsychotic | 3-12 mg orally once daily
lurasidone | antipsychotic | 20-160 mg orally once daily with food
clozapine | antipsychotic anticholinergic | 12.5-450 mg orally daily (with blood monitoring)
asenapine | antipsychotic | 5-10 mg sublingually twice daily
iloperidone | antipsychotic | 1-12 mg orally twice daily
carbamazepine | antiepileptic cyp3a4-strong-inducer | 200-600 mg orally twice daily
oxcarbazepine | antiepileptic cyp3a4-moderate-inducer | 300-1200 mg orally twice daily
phenytoin | antiepileptic cyp3a4-strong-inducer | 300-400 mg orally daily, by serum level
phenobarbital | antiepileptic barbiturate cyp3a4-strong-inducer | 60-180 mg orally at night
primidone | antiepileptic barbiturate cyp3a4-strong-inducer | 250 mg orally two to three times daily
valproate | antiepileptic mood-stabilizer | 500-2000 mg orally daily, by level (avoid in women who could become pregnant)
lamotrigine | antiepileptic mood-stabilizer | 100-400 mg orally daily after slow titration
levetiracetam | antiepileptic | 500-1500 mg orally twice daily
topiramate | antiepileptic | 25-200 mg orally twice daily (migraine prevention: 50 mg twice daily)
gabapentin | antiepileptic gabapentinoid | 300-1200 mg orally three times daily
pregabalin | antiepileptic gabapentinoid | 75-300 mg orally twice daily
lacosamide | antiepileptic | 100-200 mg orally twice daily
zonisamide | antiepileptic | 100-400 mg orally daily
ethosuximide | antiepileptic | 500-1500 mg orally daily
clobazam | antiepileptic benzodiazepine | 10-40 mg orally daily
tiagabine | antiepileptic | specialist use only
felbamate | antiepileptic | specialist use only
rufinamide | antiepileptic | specialist use only
alprazolam | benzodiazepine | 0.25-0.5 mg orally three times daily
lorazepam | benzodiazepine | 0.5-2 mg orally two to three times daily
diazepam | benzodiazepine | 2-10 mg orally two to four times daily
clonazepam | benzodiazepine | 0.25-2 mg orally twice daily
temazepam | benzodiazepine | 7.5-30 mg orally at bedtime
triazolam | benzodiazepine | 0.125-0.25 mg orally at bedtime
chlordiazepoxide | benzodiazepine | 5-25 mg orally three to four times daily (alcohol withdrawal: by protocol)
clorazepate | benzodiazepine | 7.5-15 mg orally two to four times daily
oxazepam | benzodiazepine | 10-30 mg orally three to four times daily
estazolam | benzodiazepine | 1-2 mg orally at bedtime
flurazepam | benzodiazepine | 15-30 mg orally at bedtime
midazolam | benzodiazepine | 1-2.5 mg IV titrated (procedural sedation) | cui=6960; why=no-oral-solid
zolpidem | z-drug | 5-10 mg orally at bedtime (5 mg for women and older adults)
eszopiclone | z-drug | 1-3 mg orally at bedtime
zaleplon | z-drug | 5-10 mg orally at bedtime
zopiclone | z-drug | 3.75-7.5 mg orally at bedtime (not marketed in the US)
suvorexant | orexin-antagonist | 10-20 mg orally at bedtime
ramelteon | melatonin-agonist | 8 mg orally within 30 minutes of bedtime
butalbital | barbiturate | 50 mg (with acetaminophen and caffeine) every 4 hours as needed
cyclobenzaprine | muscle-relaxant anticholinergic serotonergic | 5-10 mg orally three times daily (2-3 weeks at most)
carisoprodol | muscle-relaxant | 250-350 mg orally three times daily and at bedtime (2-3 weeks at most)
baclofen | muscle-relaxant | 5-20 mg orally three times daily
tizanidine | muscle-relaxant | 2-8 mg orally every 6-8 hours (maximum 36 mg/day)
methocarbamol | muscle-relaxant | 1500 mg orally four times daily
metaxalone | muscle-relaxant | 800 mg orally three to four times daily
chlorzoxazone | muscle-relaxant | 250-750 mg orally three to four times daily
orphenadrine | muscle-relaxant anticholinergic | 100 mg orally twice daily
dantrolene | muscle-relaxant | 25-100 mg orally daily
amphetamine | cns-stimulant | 5-40 mg orally daily (ADHD)
dextroamphetamine | cns-stimulant | 5-40 mg orally daily
lisdexamfetamine | cns-stimulant | 30-70 mg orally once daily in the morning
methylphenidate | cns-stimulant | 10-60 mg orally daily in divided doses
dexmethylphenidate | cns-stimulant | 5-20 mg orally twice daily
methamphetamine | cns-stimulant | 5-25 mg orally daily
phendimetrazine | cns-stimulant anti-obesity | 35 mg orally two to three times daily before meals
benzphetamine | cns-stimulant anti-obesity | 25-50 mg orally one to three times daily
diethylpropion | cns-stimulant anti-obesity | 25 mg orally three times daily before meals
phentermine | cns-stimulant anti-obesity | 15-37.5 mg orally once daily before breakfast
atomoxetine | adhd-nonstimulant | 40-100 mg orally daily
modafinil | wakefulness-promoting cyp3a4-moderate-inducer | 100-200 mg orally in the morning
armodafinil | wakefulness-promoting cyp3a4-moderate-inducer | 150-250 mg orally in the morning
donepezil | cholinesterase-inhibitor qt-prolonging | 5-10 mg orally at bedtime
galantamine | cholinesterase-inhibitor | 8-24 mg orally daily
rivastigmine | cholinesterase-inhibitor | 1.5-6 mg orally twice daily, or 4.6-13.3 mg/24 h patch
memantine | nmda-antagonist | 5-10 mg orally twice daily
tacrine | cholinesterase-inhibitor | withdrawn from the US market (2013)
carbidopa | antiparkinson | 25 mg (with levodopa 100 mg) orally three times daily
levodopa | antiparkinson | 100-250 mg (with carbidopa) orally three to four times daily
pramipexole | antiparkinson dopamine-agonist | 0.125-1.5 mg orally three times daily
ropinirole | antiparkinson dopamine-agonist | 0.25-8 mg orally three times daily
amantadine | antiparkinson | 100 mg orally twice daily
entacapone | antiparkinson | 200 mg orally with each levodopa dose
benztropine | antiparkinson anticholinergic | 0.5-2 mg orally daily
trihexyphenidyl | antiparkinson anticholinergic | 1-5 mg orally three times daily
sumatriptan | triptan serotonergic | 50-100 mg orally at onset, may repeat after 2 hours (maximum 200 mg/day)
rizatriptan | triptan serotonergic | 10 mg orally at onset (5 mg with propranolol)
zolmitriptan | triptan serotonergic | 2.5-5 mg orally at onset
naratriptan | triptan serotonergic | 2.5 mg orally at onset
eletriptan | triptan serotonergic | 20-40 mg orally at onset
almotriptan | triptan serotonergic | 12.5 mg orally at onset
frovatriptan | triptan serotonergic | 2.5 mg orally at onset
ergotamine | ergot-alkaloid | 1-2 mg (with caffeine) at onset; maximum 6 mg per attack
dihydroergotamine | ergot-alkaloid | 1 mg IM or SC, or 0.5 mg intranasally into each nostril
methylergonovine | ergot-alkaloid | 0.2 mg orally three to four times daily (postpartum haemorrhage)
ergonovine | ergot-alkaloid | 0.2 mg IM (obstetric use)
varenicline | smoking-cessation | 0.5 mg daily, titrated to 1 mg orally twice daily for 12 weeks
nicotine | smoking-cessation | 7-21 mg/24 h patch plus short-acting nicotine replacement | cui=7407; why=no-oral-solid
naltrexone | opioid-antagonist alcohol-deterrent | 50 mg orally once daily
naloxone | opioid-antagonist | 0.4-2 mg IV/IM or 4 mg intranasally, repeated as needed (opioid overdose) | cui=7242; why=combination-only
disulfiram | alcohol-deterrent | 250 mg orally once daily
acamprosate | alcohol-deterrent | 666 mg orally three times daily
`;
