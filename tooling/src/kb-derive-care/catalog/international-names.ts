/**
 * Names UK, EU and WHO texts use for drugs the catalog names in US style, so notes written outside
 * the US resolve (KB 0.5.1). Columns: name as written | catalog drug(s), `+` between the ingredients
 * of a compound name | kind | sources.
 * Kinds: international = the rINN or current BAN (paracetamol); former = a superseded BAN still
 * written (frusemide: BANs were changed to rINNs, BNF "Approved names"); compound = a BAN "co-" name
 * for a fixed combination, listed on every ingredient; abbreviation = one the BNF uses (GTN).
 * Sources: who-inn (WHO INN recommended lists), bnf-approved-names (BNF guidance on approved names).
 */
export const INTERNATIONAL_NAMES_TABLE = `
# Analgesics, respiratory, gastrointestinal
paracetamol | acetaminophen | international | who-inn bnf-approved-names
salbutamol | albuterol | international | who-inn bnf-approved-names
pethidine | meperidine | international | who-inn bnf-approved-names
co-codamol | codeine + acetaminophen | compound | bnf-approved-names
indometacin | indomethacin | international | who-inn bnf-approved-names
beclometasone | beclomethasone | international | who-inn bnf-approved-names
sodium cromoglicate | cromolyn | international | bnf-approved-names
chlorphenamine | chlorpheniramine | international | who-inn bnf-approved-names
guaiphenesin | guaifenesin | former | bnf-approved-names
mesalazine | mesalamine | international | who-inn bnf-approved-names
sulphasalazine | sulfasalazine | former | bnf-approved-names
dicycloverine | dicyclomine | international | who-inn bnf-approved-names
# Cardiovascular
adrenaline | epinephrine | international | bnf-approved-names
glyceryl trinitrate | nitroglycerin | international | who-inn bnf-approved-names
gtn | nitroglycerin | abbreviation | bnf-approved-names
ismn | isosorbide mononitrate | abbreviation | bnf-approved-names
frusemide | furosemide | former | bnf-approved-names
bendrofluazide | bendroflumethiazide | former | bnf-approved-names
co-amilofruse | amiloride + furosemide | compound | bnf-approved-names
co-amilozide | amiloride + hydrochlorothiazide | compound | bnf-approved-names
co-tenidone | atenolol + chlorthalidone | compound | bnf-approved-names
colestyramine | cholestyramine | international | who-inn bnf-approved-names
lignocaine | lidocaine | former | bnf-approved-names
# Endocrine, immune, nervous system
glibenclamide | glyburide | international | who-inn bnf-approved-names
oestradiol | estradiol | former | bnf-approved-names
ethinylestradiol | ethinyl estradiol | international | who-inn bnf-approved-names
norethisterone | norethindrone | international | who-inn bnf-approved-names
colecalciferol | cholecalciferol | international | who-inn bnf-approved-names
alendronic acid | alendronate | international | who-inn bnf-approved-names
ciclosporin | cyclosporine | international | who-inn bnf-approved-names
hydroxycarbamide | hydroxyurea | international | who-inn bnf-approved-names
sodium valproate | valproate | international | bnf-approved-names
phenobarbitone | phenobarbital | former | bnf-approved-names
benzhexol | trihexyphenidyl | former | bnf-approved-names
co-careldopa | carbidopa + levodopa | compound | bnf-approved-names
dexamfetamine | dextroamphetamine | international | who-inn bnf-approved-names
# Anti-infectives
co-amoxiclav | amoxicillin + clavulanate | compound | bnf-approved-names
amoxycillin | amoxicillin | former | bnf-approved-names
co-trimoxazole | sulfamethoxazole + trimethoprim | compound | bnf-approved-names
cefalexin | cephalexin | international | who-inn bnf-approved-names
benzylpenicillin | penicillin g | international | who-inn bnf-approved-names
phenoxymethylpenicillin | penicillin v | international | who-inn bnf-approved-names
rifampicin | rifampin | international | who-inn bnf-approved-names
aciclovir | acyclovir | international | who-inn bnf-approved-names
valaciclovir | valacyclovir | international | who-inn bnf-approved-names
`;
