// Past forms of common English irregular verbs, mapped to the base form, so "took" meets "take"
// and "built" meets "build". Each entry: base, then its past forms.
const VERBS = `arise arose arisen|awake awoke awoken|bear bore born borne|beat beaten|become became|begin began begun|
bend bent|bet|bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought|
build built|burn burnt|burst|buy bought|cast|catch caught|choose chose chosen|cling clung|come came|cost|creep crept|
cut|deal dealt|dig dug|draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|
feed fed|feel felt|fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|
forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grind ground|grow grew grown|
hang hung|hear heard|hide hid hidden|hit|hold held|hurt|keep kept|kneel knelt|know knew known|lay laid|lead led|
leap leapt|leave left|lend lent|let|lie lay lain|light lit|lose lost|make made|mean meant|meet met|overcome overcame|
pay paid|prove proven|put|quit|read|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see saw seen|
seek sought|sell sold|send sent|set|shake shook shaken|shine shone|shoot shot|show shown|shrink shrank shrunk|shut|
sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|speak spoke spoken|spend spent|spin spun|split|spread|
spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|strike struck stricken|strive strove striven|
swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|teach taught|tear tore torn|tell told|
think thought|throw threw thrown|undergo underwent undergone|understand understood|undertake undertook undertaken|
wake woke woken|wear wore worn|weave wove woven|win won|wind wound|withdraw withdrew withdrawn|write wrote written|
overthrow overthrew overthrown|mislead misled|foresee foresaw foreseen|uphold upheld|withhold withheld|
oversee oversaw overseen|outgrow outgrew outgrown|rebuild rebuilt|retell retold|rewrite rewrote rewritten|
mislay mislaid|befall befell befallen|forsake forsook forsaken|slay slew slain|spit spat|stride strode stridden`;

/** Past form → base form, for the verbs above. */
export const IRREGULAR_PAST = new Map<string, string>();
for (const entry of VERBS.split("|")) {
  const [base, ...forms] = entry.trim().split(/\s+/);
  if (!base) continue;
  for (const form of forms) if (!IRREGULAR_PAST.has(form)) IRREGULAR_PAST.set(form, base);
}
// "found" (find) and "lay" (lie) are also verbs of their own; "left" and "ground" are common words
// too. Stemming them to one form still helps more than it hurts in questions.

// Irregular noun plurals, each entry: singular, then plural, so "women" meets "woman" and "crises"
// meets "crisis" (Porter stems them apart). Left out: plurals that are also other words ("bases",
// "axes", "lives", "leaves", "media", "data", "people", "dice", "means", "news").
const NOUNS = `man men|woman women|child children|foot feet|tooth teeth|goose geese|mouse mice|ox oxen|
louse lice|criterion criteria|phenomenon phenomena|analysis analyses|crisis crises|thesis theses|
hypothesis hypotheses|synthesis syntheses|diagnosis diagnoses|emphasis emphases|oasis oases|
parenthesis parentheses|nucleus nuclei|radius radii|fungus fungi|cactus cacti|stimulus stimuli|
alumnus alumni|genus genera|corpus corpora|bacterium bacteria|curriculum curricula|
memorandum memoranda|stratum strata|spectrum spectra|index indices|matrix matrices|vertex vertices|
appendix appendices|wife wives|knife knives|wolf wolves|half halves|shelf shelves|thief thieves|
calf calves|self selves|loaf loaves|elf elves|scarf scarves|hoof hooves|dwarf dwarves|
businessman businessmen|chairman chairmen|policeman policemen|congressman congressmen|
fireman firemen|spokesman spokesmen|fisherman fishermen|gentleman gentlemen|countryman countrymen|
sportsman sportsmen|horseman horsemen|craftsman craftsmen|freshman freshmen|nobleman noblemen|
statesman statesmen|kinsman kinsmen|clergyman clergymen|serviceman servicemen|workman workmen|
tradesman tradesmen|frontiersman frontiersmen|militiaman militiamen|infantryman infantrymen|
spokeswoman spokeswomen|chairwoman chairwomen|businesswoman businesswomen|policewoman policewomen|
congresswoman congresswomen|grandchild grandchildren|stepchild stepchildren|schoolchild schoolchildren`;

/** Irregular plural → singular, for the nouns above. */
export const IRREGULAR_PLURAL = new Map<string, string>();
for (const entry of NOUNS.split("|")) {
  const [singular, plural] = entry.trim().split(/\s+/);
  if (singular && plural) IRREGULAR_PLURAL.set(plural, singular);
}
